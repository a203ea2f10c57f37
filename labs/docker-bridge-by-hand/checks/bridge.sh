link=$(in_node ip -j -d link show dev "$BRIDGE" 2>/dev/null) \
  || fail "there is no interface named $BRIDGE in the node's namespace: create a bridge with that name"
kind=$(jq -r '.[0].linkinfo.info_kind // "plain"' <<<"$link")
[ "$kind" = bridge ] || fail "$BRIDGE is a $kind interface, not a bridge: delete it and create it with type bridge"
jq -e 'any(.[0].flags[]; . == "UP")' <<<"$link" >/dev/null || fail "$BRIDGE exists but is down: set it up"
addrs=$(in_node ip -j -4 addr show dev "$BRIDGE" | jq -r '.[0].addr_info[]? | "\(.local)/\(.prefixlen)"')
grep -qx "$GATEWAY/$PREFIX" <<<"$addrs" && pass "$BRIDGE is a bridge, up, with the gateway address $GATEWAY/$PREFIX"
elsewhere=$(in_node ip -j -4 addr show | jq -r --arg a "$GATEWAY" --arg b "$BRIDGE" '.[] | select(.ifname != $b) | .ifname as $i | .addr_info[] | select(.local == $a) | $i' | head -n1)
[ -z "$elsewhere" ] || fail "$GATEWAY is on $elsewhere, not on the bridge $BRIDGE: the bridge itself is the containers' gateway and must hold it"
found=$(paste -sd, <<<"$addrs")
fail "expected $GATEWAY/$PREFIX on $BRIDGE (Docker gives its bridge the first address of a /$PREFIX), found ${found:-no IPv4 address}"
