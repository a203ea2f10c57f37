# Near-miss, run on every node: a full BIRD mesh in which node01 announces node03's pod CIDR
# besides its own (one line too many in its static protocol). node01 prefers its own static
# route to what node03 announces, so it installs none, while node02 picks node01's claim over
# node03's (same attributes, lower router id) and sends node03's pods to node01.
set -euo pipefail
me=$(hostname)
case $me in
  node01) routes="route {{cidr1}} blackhole; route {{cidr3}} blackhole;" ;;
  node02) routes="route {{cidr2}} blackhole;" ;;
  *) routes="route {{cidr3}} blackhole;" ;;
esac
address() { getent hosts "$1" | awk '{print $1}'; }
{
  echo "router id $(address "$me");"
  echo 'protocol device { }'
  echo "protocol static pods { ipv4; $routes }"
  echo 'protocol kernel { ipv4 { export where source = RTS_BGP; }; }'
  echo 'template bgp mesh { local as 64512; direct; ipv4 { import all; export where proto = "pods"; }; }'
  for peer in node01 node02 node03; do
    [ "$peer" = "$me" ] || echo "protocol bgp $peer from mesh { neighbor $(address "$peer") as 64512; }"
  done
} > /etc/bird/bird.conf
bird -c /etc/bird/bird.conf
[ "$me" != node03 ] || for _ in $(seq 40); do [ "$(ip route show proto bird | wc -l)" -ge 2 ] && break; sleep 0.5; done
