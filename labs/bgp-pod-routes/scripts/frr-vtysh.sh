# Another correct method: FRR's bgpd, configured live through vtysh, in a full mesh.
set -euo pipefail
me=$(hostname)
case $me in node01) cidr={{cidr1}} ;; node02) cidr={{cidr2}} ;; *) cidr={{cidr3}} ;; esac
address() { getent hosts "$1" | awk '{print $1}'; }
sed -i 's/^bgpd=no/bgpd=yes/' /etc/frr/daemons
/usr/lib/frr/frrinit.sh start
# watchfrr returns before bgpd answers vtysh.
for _ in $(seq 50); do vtysh -c 'show bgp summary' >/dev/null 2>&1 && break; sleep 0.2; done
args=(-c 'configure terminal' -c 'router bgp 64512' -c "bgp router-id $(address "$me")")
for peer in node01 node02 node03; do
  [ "$peer" = "$me" ] || args+=(-c "neighbor $(address "$peer") remote-as 64512")
done
args+=(-c 'address-family ipv4 unicast' -c "network $cidr" -c 'end' -c 'write memory')
vtysh "${args[@]}"
