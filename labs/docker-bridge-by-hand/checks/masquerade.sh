# Without forwarding no packet of theirs can leave the node: no need to wait for a timeout.
[ "$(node_forwarding)" = 1 ] || fail "c1 and c2 cannot reach $OUTSIDE: the node does not forward packets (net.ipv4.ip_forward = 0); turn forwarding on"
port=$(random_port 20000)
start_witness outside "$OUTSIDE" "$port"
for ns in $CONTAINERS; do
  need_netns "$ns"
  saw=$(witness_saw "$ns" "$OUTSIDE:$port")
  if [ -z "$saw" ]; then
    fail "$ns cannot reach $OUTSIDE: its packets leave the node with the source ${ADDRESS[$ns]}, and outside has no route back to $NET; masquerade the traffic of $NET that leaves through another interface than $BRIDGE"
  fi
  case $saw in
    "$NODE_OUT") ;;
    "${ADDRESS[$ns]}") fail "outside saw $ns as ${ADDRESS[$ns]}, its private address: the answer came back by a route inside outside, not through NAT. Remove that route and masquerade $NET on its way out" ;;
    *) fail "outside saw $ns as $saw, expected $NODE_OUT, the node's address on eth-out: translate the source to the address of the interface the packets leave by" ;;
  esac
done
# Docker's rule says `! -o BRIDGE`: traffic between containers keeps its addresses.
port=$(random_port 30000)
start_witness c2 0.0.0.0 "$port"
saw=$(witness_saw c1 "${ADDRESS[c2]}:$port")
[ -n "$saw" ] || fail "c1 cannot connect to c2 (${ADDRESS[c2]}) any more: something you added blocks traffic on $BRIDGE"
[ "$saw" = "${ADDRESS[c1]}" ] || fail "c2 saw c1 as $saw, not ${ADDRESS[c1]}: your MASQUERADE also rewrites traffic between containers on $BRIDGE; limit it to packets that leave through another interface (! -o $BRIDGE)"
pass "outside sees c1 and c2 as $NODE_OUT, and c2 still sees c1 as ${ADDRESS[c1]}"
