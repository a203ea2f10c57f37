# Near-miss, run on every node: a full BIRD mesh without `direct`. BIRD then treats the iBGP
# neighbors as multihop and resolves their next hops in its own table, which holds no route to
# the node network: the routes reach the kernel as unreachable.
set -euo pipefail
me=$(hostname)
case $me in node01) cidr={{cidr1}} ;; node02) cidr={{cidr2}} ;; *) cidr={{cidr3}} ;; esac
address() { getent hosts "$1" | awk '{print $1}'; }
{
  echo "router id $(address "$me");"
  echo 'protocol device { }'
  echo "protocol static pods { ipv4; route $cidr blackhole; }"
  echo 'protocol kernel { ipv4 { export where source = RTS_BGP; }; }'
  echo 'template bgp mesh { local as 64512; ipv4 { import all; export where proto = "pods"; }; }'
  for peer in node01 node02 node03; do
    [ "$peer" = "$me" ] || echo "protocol bgp $peer from mesh { neighbor $(address "$peer") as 64512; }"
  done
} > /etc/bird/bird.conf
bird -c /etc/bird/bird.conf
# Wait for the sessions, as a student looking at birdc would; the routes stay unreachable.
[ "$me" != node03 ] || for _ in $(seq 40); do [ "$(ip route show proto bird | wc -l)" -ge 2 ] && break; sleep 0.5; done
