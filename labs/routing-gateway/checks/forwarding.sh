need_netns router
node_fwd=$(in_node cat /proc/sys/net/ipv4/ip_forward)
off=()
for addr in "$ROUTER_LEFT" "$ROUTER_RIGHT"; do
  dev=$(iface_with router "$addr")
  [ -n "$dev" ] || fail "router has no interface with $addr any more: reset the lab to get it back"
  [ "$(in_netns router cat "/proc/sys/net/ipv4/conf/$dev/forwarding")" = 1 ] || off+=("$dev")
done
if [ ${#off[@]} -gt 0 ]; then
  [ "$node_fwd" = 1 ] && fail "forwarding is on in the node's own namespace, but left and right talk through router, where it is still off (net.ipv4.ip_forward=0 in router)"
  fail "IP forwarding is off in router (net.ipv4.ip_forward=0; no forwarding on ${off[*]}): router drops packets that are not addressed to it"
fi
pass "router forwards packets between its interfaces"
