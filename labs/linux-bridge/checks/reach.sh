for ns in $NAMESPACES; do need_netns "$ns"; done
for ns in $NAMESPACES; do
  for other in $NAMESPACES; do
    [ "$ns" = "$other" ] && continue
    ping_from_ns "$ns" "${ADDRESS[$other]}" || fail "$ns cannot ping $other (${ADDRESS[$other]}) across $BRIDGE"
  done
  ping_from_ns "$ns" "$GATEWAY" || fail "$ns cannot ping the node's bridge address $GATEWAY"
  ping_from_node "${ADDRESS[$ns]}" || fail "the node cannot ping $ns (${ADDRESS[$ns]})"
done
pass "every namespace and the node reach each other"
