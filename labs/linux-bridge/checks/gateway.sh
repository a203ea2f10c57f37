for ns in $NAMESPACES; do
  need_netns "$ns"
  route=$(in_netns "$ns" ip -j route get "$TARGET" 2>/dev/null | jq -c '.[0] // empty')
  [ -n "$route" ] || fail "$ns has no route to $TARGET: give it a default route via $GATEWAY"
  via=$(jq -r '.gateway // empty' <<<"$route")
  dev=$(jq -r '.dev // empty' <<<"$route")
  [ -n "$via" ] || fail "$ns sends $TARGET straight out of $dev without a gateway: route it via $GATEWAY"
  [ "$via" = "$GATEWAY" ] || fail "$ns routes $TARGET via $via, expected via $GATEWAY (the bridge)"
  ping_from_ns "$ns" "$TARGET" || fail "$ns routes $TARGET via $GATEWAY but gets no answer to ping"
done
pass "every namespace reaches $TARGET through $GATEWAY"
