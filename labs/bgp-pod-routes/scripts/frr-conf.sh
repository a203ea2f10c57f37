# Another correct method: FRR started on a written /etc/frr/frr.conf (the integrated
# configuration that frrinit.sh loads), in a full mesh; waits until both routes are in.
set -euo pipefail
me=$(hostname)
case $me in node01) cidr={{cidr1}} ;; node02) cidr={{cidr2}} ;; *) cidr={{cidr3}} ;; esac
address() { getent hosts "$1" | awk '{print $1}'; }
{
  echo 'frr defaults traditional'
  echo "hostname $me"
  echo 'service integrated-vtysh-config'
  echo 'router bgp 64512'
  echo " bgp router-id $(address "$me")"
  for peer in node01 node02 node03; do
    [ "$peer" = "$me" ] || echo " neighbor $(address "$peer") remote-as 64512"
  done
  echo ' address-family ipv4 unicast'
  echo "  network $cidr"
  echo ' exit-address-family'
} > /etc/frr/frr.conf
sed -i 's/^bgpd=no/bgpd=yes/' /etc/frr/daemons
/usr/lib/frr/frrinit.sh start
for _ in $(seq 60); do [ "$(ip route show proto bgp | wc -l)" -ge 2 ] && break; sleep 0.5; done
ip route show proto bgp
