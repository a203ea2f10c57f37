# A repair by other tools: forwarding through /proc, the pod route through a nexthop object.
# Runs on either node and fixes whichever fault the pool drew.
set -euo pipefail
case $(hostname) in
  node01) peer=node02 peer_cidr={{cidr2}} ;;
  node02) peer=node01 peer_cidr={{cidr1}} ;;
esac
for f in /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/*/forwarding; do echo 1 > "$f"; done
ip nexthop replace id 24 via "$(getent ahostsv4 "$peer" | awk '{ print $1; exit }')" dev eth0
ip route del "$peer_cidr" 2>/dev/null || true
ip route add "$peer_cidr" nhid 24
