need_child iv1 "$IV_ADDRESS" ipvlan
ifname=$(jq -r '.ifname' <<<"$CHILD")
mac=$(jq -r '.address' <<<"$CHILD")
parent_mac=$(parent_link | jq -r '.address')
[ "$mac" = "$parent_mac" ] || fail "$ifname in iv1 has MAC $mac, not eth0's $parent_mac: is it really an ipvlan child of eth0?"
mode=$(jq -r '.linkinfo.info_data.mode // "l3"' <<<"$CHILD")
if ! reach_from_node02 iv1 "$IV_ADDRESS" "$parent_mac" "eth0's MAC, which ipvlan children share"; then
  case $mode in
    l3|l3s) fail "node02 cannot reach $IV_ADDRESS: $ifname is in ipvlan mode $mode, where the children do not answer ARP and the LAN would need a route to them; use mode l2" ;;
  esac
  fail "node02 ($NODE02_LAN) cannot connect to $IV_ADDRESS in iv1: check with ping from node02, and tcpdump -eni eth0 on node01 to see whether ARP is answered"
fi
ping_from_ns iv1 "$NODE02_LAN" || fail "node02 reaches iv1, but iv1 cannot ping node02 at $NODE02_LAN"
pass "node02 reaches iv1 at $IV_ADDRESS behind eth0's own MAC $parent_mac, and iv1 sees node02 as $NODE02_LAN"
