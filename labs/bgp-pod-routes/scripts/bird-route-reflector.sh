# Another correct method, run on every node: node01 is a route reflector, node02 and node03
# peer with it only. The reflector passes each client's pod CIDR on to the other client with
# its next hop untouched, so every node still routes straight to the owner.
set -euo pipefail
me=$(hostname)
case $me in node01) cidr={{cidr1}} ;; node02) cidr={{cidr2}} ;; *) cidr={{cidr3}} ;; esac
address() { getent hosts "$1" | awk '{print $1}'; }
{
  echo "router id $(address "$me");"
  echo 'protocol device { }'
  echo "protocol static pods { ipv4; route $cidr blackhole; }"
  echo 'protocol kernel { ipv4 { export where source = RTS_BGP; }; }'
  if [ "$me" = node01 ]; then
    echo 'template bgp clients { local as 64512; direct; rr client; ipv4 { import all; export where proto = "pods" || source = RTS_BGP; }; }'
    echo "protocol bgp node02 from clients { neighbor $(address node02) as 64512; }"
    echo "protocol bgp node03 from clients { neighbor $(address node03) as 64512; }"
  else
    echo "protocol bgp reflector { local as 64512; direct; neighbor $(address node01) as 64512; ipv4 { import all; export where proto = \"pods\"; }; }"
  fi
} > /etc/bird/bird.conf
bird -p -c /etc/bird/bird.conf
bird -c /etc/bird/bird.conf
[ "$me" != node03 ] || for _ in $(seq 40); do [ "$(ip route show proto bird | wc -l)" -ge 2 ] && break; sleep 0.5; done
