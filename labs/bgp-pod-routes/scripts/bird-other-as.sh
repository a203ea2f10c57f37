# Near-miss, run on every node: a full BIRD mesh, except that node03 says it is in AS 64513
# while its peers expect 64512. The OPEN messages disagree, so node03's sessions never come up.
set -euo pipefail
me=$(hostname)
case $me in node01) cidr={{cidr1}} ;; node02) cidr={{cidr2}} ;; *) cidr={{cidr3}} ;; esac
local_as=64512
[ "$me" = node03 ] && local_as=64513
address() { getent hosts "$1" | awk '{print $1}'; }
{
  echo "router id $(address "$me");"
  echo 'protocol device { }'
  echo "protocol static pods { ipv4; route $cidr blackhole; }"
  echo 'protocol kernel { ipv4 { export where source = RTS_BGP; }; }'
  echo "template bgp mesh { local as $local_as; direct; ipv4 { import all; export where proto = \"pods\"; }; }"
  for peer in node01 node02 node03; do
    [ "$peer" = "$me" ] || echo "protocol bgp $peer from mesh { neighbor $(address "$peer") as 64512; }"
  done
} > /etc/bird/bird.conf
bird -c /etc/bird/bird.conf
