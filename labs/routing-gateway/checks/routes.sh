check_route() { # namespace, destination, expected gateway, the other side's name
  local route via dev
  route=$(in_netns "$1" ip -j route get "$2" 2>/dev/null | jq -c '.[0] // empty')
  [ -n "$route" ] || fail "$1 has no route to $2 ($4): add one via $3, or a default route via $3"
  via=$(jq -r '.gateway // empty' <<<"$route")
  dev=$(jq -r '.dev // empty' <<<"$route")
  [ -n "$via" ] || fail "$1 sends $2 straight out of $dev, as if $4 were on its own link: route it via $3"
  [ "$via" = "$3" ] || fail "$1 routes $2 via $via, expected via $3 (router)"
}
need_netns left
need_netns right
check_route left "$RIGHT_IP" "$ROUTER_LEFT" right
check_route right "$LEFT_IP" "$ROUTER_RIGHT" "left, so replies cannot get back"
pass "left routes to $RIGHT_IP via $ROUTER_LEFT, right back to $LEFT_IP via $ROUTER_RIGHT"
