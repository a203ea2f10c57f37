# Full-size pod packets with don't-fragment set, from each pod (at its eth0's MTU) to the other
# node's pod: each must arrive, and the VXLAN packets that carry them must not have been
# fragmented on the node network (a flannel.1 too big for eth0 gets its packets through that way).
df_ping() { # node, pod, size, destination
  ( on_node "$1" >/dev/null && in_netns "$2" ping -n -M do -s "$3" -c 2 -i 0.2 -W 2 "$4" 2>&1 )
}
# The reason ping gave, shortened to what the student needs.
why() {
  grep -oE 'Frag needed[^)]*\)' <<<"$1" | head -n1 | grep . || grep -oE 'message too long, mtu=[0-9]+' <<<"$1" | head -n1
}
# IPv4 datagrams the node has fragmented so far (FragOKs of /proc/net/snmp, read in its namespace).
fragmented() {
  ( on_node "$1" >/dev/null && in_node cat /proc/net/snmp ) | awk '$1 == "Ip:" { if (!names) { for (i = 2; i <= NF; i++) col[$i] = i; names = 1 } else print $col["FragOKs"] }'
}
for node in node01 node02; do
  other=${OTHER[$node]}
  pod=$(mtu_of "$node" "${POD[$node]}" eth0)
  [ -n "$pod" ] || fail "cannot read the MTU of ${POD[$node]}'s eth0 on $node"
  before="$(fragmented node01) $(fragmented node02)"
  if ! out=$(df_ping "$node" "${POD[$node]}" $((pod - 28)) "${POD_IP[$other]}"); then
    reason=$(why "$out")
    problem=$(mtu_problem "$node")
    [ -n "$problem" ] || problem=$(mtu_problem "$other")
    [ -n "$problem" ] || problem="the packet or its reply was dropped on the way; compare the pods' MTUs on both nodes (ping -M do -s SIZE finds the largest that passes)"
    fail "${POD[$node]} cannot send a $pod-byte packet (its eth0's MTU) with don't-fragment set to ${POD[$other]}${reason:+ ($reason)}: $problem"
  fi
  after="$(fragmented node01) $(fragmented node02)"
  if [ "$before" != "$after" ]; then
    problem=$(mtu_problem "$node")
    [ -n "$problem" ] || problem=$(mtu_problem "$other")
    fail "${POD[$node]}'s $pod-byte packets reached ${POD[$other]} only because the VXLAN packets carrying them were fragmented on eth0 (IP fragments counted: $before before, $after after, node01 then node02): ${problem:-keep flannel.1 at least 50 bytes below eth0}"
  fi
done
pass "packets as big as each pod's MTU cross the tunnel whole, in both directions, without fragmenting the VXLAN packets"
