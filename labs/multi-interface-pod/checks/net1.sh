in_netns {{pod}} true >/dev/null || fail "network namespace {{pod}} is gone: setup made it as the runtime would; start the lab again"
link=$(link_json {{pod}} net1)
if [ -z "$link" ]; then
  [ -n "$(link_json node net1)" ] \
    && fail "net1 exists in the node's own network namespace, not in the pod: move it into {{pod}} (ip link set net1 netns {{pod}}), as a CNI plugin does"
  others=$(in_netns {{pod}} ip -j link show | jq -r '[.[].ifname | select(. != "lo" and . != "eth0")] | join(", ")')
  fail "the pod {{pod}} has no interface named net1 yet${others:+ (besides lo and eth0 it has: $others)}: give it a macvlan interface called net1 on the node's eth0"
fi
kind=$(jq -r '.linkinfo.info_kind // "plain"' <<<"$link")
[ "$kind" = macvlan ] || fail "net1 in {{pod}} is a $kind device, not macvlan: the storage network interface must be a macvlan child of the node's eth0 (ip link add ... link eth0 type macvlan)"
# A macvlan moved into the pod names its parent by the parent's index in the node's namespace.
parent=$(jq -r '.link_index // empty' <<<"$link")
eth0=$(in_node ip -j link show dev eth0 | jq -r '.[0].ifindex')
if [ "$parent" != "$eth0" ]; then
  name=$(in_node ip -j link show | jq -r --argjson i "${parent:-0}" '.[] | select(.ifindex == $i) | .ifname')
  fail "net1 is a macvlan of ${name:-interface index ${parent:-unknown}} on the node, not of eth0: the storage network is reached through the node's eth0, while ${name:-that device} stays on the node"
fi
jq -e '.flags | index("UP")' <<<"$link" >/dev/null || fail "net1 in {{pod}} is down: set it up (ip -n {{pod}} link set net1 up)"
addresses=$(pod_addresses net1)
grep -qx '{{storage.host(10)}}/{{storage.prefix}}' <<<"$addresses" \
  || fail "net1 in {{pod}} has ${addresses:+the addresses $(tr '\n' ' ' <<<"$addresses")}${addresses:-no IPv4 address}, expected {{storage.host(10)}}/{{storage.prefix}} on the storage network {{storage}}"
pass "net1 in {{pod}} is a macvlan of the node's eth0, up, with {{storage.host(10)}}/{{storage.prefix}}"
