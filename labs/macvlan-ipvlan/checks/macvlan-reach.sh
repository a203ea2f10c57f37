need_child mv1 "$MV_ADDRESS" macvlan
ifname=$(jq -r '.ifname' <<<"$CHILD")
mac=$(jq -r '.address' <<<"$CHILD")
mode=$(jq -r '.linkinfo.info_data.mode // "bridge"' <<<"$CHILD")
if ! reach_from_node02 mv1 "$MV_ADDRESS" "$mac" "the MAC of $ifname in mv1"; then
  [ "$mode" != source ] || fail "node02 cannot reach $MV_ADDRESS: $ifname is in macvlan mode source, which only accepts frames from the MACs listed for it; use mode bridge (or private, vepa)"
  fail "node02 ($NODE02_LAN) cannot connect to $MV_ADDRESS in mv1: check with ping from node02, and tcpdump -eni eth0 on node01 to see whether ARP is answered"
fi
ping_from_ns mv1 "$NODE02_LAN" || fail "node02 reaches mv1, but mv1 cannot ping node02 at $NODE02_LAN"
pass "node02 reaches mv1 at $MV_ADDRESS and MAC $mac, and mv1 sees node02 as $NODE02_LAN: a separate machine on the LAN"
