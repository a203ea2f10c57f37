need_child mv1 "$MV_ADDRESS" macvlan
mac=$(jq -r '.address' <<<"$CHILD")
parent_mac=$(parent_link | jq -r '.address')
[ "$mac" != "$parent_mac" ] || fail "$(jq -r '.ifname' <<<"$CHILD") in mv1 has eth0's own MAC $mac: a macvlan child needs an address of its own"
pass "mv1 holds $MV_ADDRESS/$PREFIX on $(jq -r '.ifname' <<<"$CHILD"), a macvlan child of eth0 with its own MAC $mac"
