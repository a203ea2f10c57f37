for ns in $CONTAINERS; do
  need_netns "$ns"
  route=$(in_netns "$ns" ip -j -4 route show default 2>/dev/null | jq -c '.[0] // empty')
  if [ -z "$route" ]; then
    other=$(in_netns "$ns" ip -j -4 route get "$OUTSIDE" 2>/dev/null | jq -r '.[0].gateway // empty')
    [ -z "$other" ] || fail "$ns reaches $OUTSIDE by a route of its own via $other, but has no default route: a container's way to every other network is a default route via $GATEWAY"
    fail "$ns has no default route: add one via $GATEWAY, the bridge's address"
  fi
  via=$(jq -r '.gateway // empty' <<<"$route")
  dev=$(jq -r '.dev // empty' <<<"$route")
  [ -n "$via" ] || fail "$ns's default route sends everything straight out of $dev without a gateway: route it via $GATEWAY"
  [ "$via" = "$GATEWAY" ] || fail "$ns's default route goes via $via, expected via $GATEWAY (the bridge)"
  ping_from_ns "$ns" "$GATEWAY" || fail "$ns has a default route via $GATEWAY but cannot ping it"
done
pass "c1 and c2 send everything beyond $NET to the bridge at $GATEWAY"
