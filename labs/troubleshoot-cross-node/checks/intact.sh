# The repair must leave the cluster as it was meant to be: pods, bridges, node routes untouched.
for node in node01 node02; do
  other=${OTHER[$node]}
  peer=$(node_ip "$other")
  on_node "$node" >/dev/null
  pod=${POD[$node]}
  got=$(in_netns "$pod" ip -j -4 addr show dev eth0 2>/dev/null | jq -r '[.[0].addr_info[]? | "\(.local)/\(.prefixlen)"] | join(", ")')
  [ "$got" = "${POD_IP[$node]}/${CIDR[$node]#*/}" ] || fail "$pod on $node has ${got:-no address} on eth0, expected ${POD_IP[$node]}/${CIDR[$node]#*/} as its CNI plugin gave it: a repair changes the nodes, never the pods' addresses"
  got=$(in_netns "$pod" ip -j route show default | jq -r '.[0].gateway // empty')
  [ "$got" = "${GATEWAY[$node]}" ] || fail "$pod on $node has its default route via ${got:-nothing}, expected via ${GATEWAY[$node]} (cni0 of $node)"
  in_node ip -j -4 addr show dev cni0 2>/dev/null | jq -e --arg a "${GATEWAY[$node]}" '.[0].addr_info[]? | select(.local == $a)' >/dev/null \
    || fail "cni0 on $node no longer holds ${GATEWAY[$node]}, the pods' gateway"
  default=$(in_node ip -j route show default | jq -r '.[0].gateway // empty')
  [ "$default" = "$peer" ] && fail "$node's default route now points at $other ($peer): that carries the pod traffic, but every other destination too; route ${CIDR[$other]} via $peer and give the default route back"
  route=$(in_node ip -j route show exact "${CIDR[$other]}" | jq -c '.[0] // empty')
  if [ -z "$route" ]; then
    # A wider route that also covers the other pods is fine, as long as it leads to that node.
    problem=$(route_problem "$node")
    [ -z "$problem" ] || fail "$problem"
  fi
  problem=$(forwarding_problem "$node")
  [ -z "$problem" ] || fail "$problem"
  in_node ping -c 1 -W 2 "$peer" >/dev/null 2>&1 \
    || in_node ping -c 1 -W 2 "$peer" >/dev/null 2>&1 \
    || fail "$node sent a ping to $other ($peer) and got no reply: the node network itself is broken now"
done
pass "pods keep their addresses and gateways, each node routes the other's pod CIDR via that node, forwards on cni0 and eth0, and the nodes still reach each other"
