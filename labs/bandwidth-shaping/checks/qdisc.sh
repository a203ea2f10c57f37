in_netns {{pod}} true >/dev/null || fail "network namespace {{pod}} is gone: setup made it; start the lab again"
# Where the pod's outgoing packets can be shaped: on the way out of its eth0, or (the CNI
# bandwidth plugin's way) on the way into the host end, redirected to an ifb device.
pod_root=$(qdiscs_json {{pod}} eth0 | jq -r '[.[] | select(.root) | .kind][0] // empty')
case $pod_root in
  tbf|htb) pass "eth0 in {{pod}} has a $pod_root qdisc at its root: the pod's outgoing traffic is shaped as it leaves" ;;
esac
ifb=$(in_node tc -j filter show dev veth-{{pod}} ingress 2>/dev/null \
  | jq -r '[.. | objects | select(.kind? == "mirred") | .to_dev? // empty][0] // empty')
if [ -z "$ifb" ]; then
  ifb=$(in_node tc filter show dev veth-{{pod}} ingress 2>/dev/null | sed -n 's/.*Redirect to device \([^)]*\)).*/\1/p' | head -n 1)
fi
if [ -n "$ifb" ]; then
  kind=$(qdiscs_json node "$ifb" | jq -r '[.[] | select(.root) | .kind][0] // empty')
  case $kind in
    tbf|htb) pass "what {{pod}} sends is redirected from veth-{{pod}}'s ingress to $ifb, which has a $kind qdisc: the pod's outgoing traffic is shaped" ;;
  esac
  fail "veth-{{pod}}'s ingress redirects the pod's packets to $ifb, but $ifb has ${kind:-no} root qdisc instead of tbf or htb"
fi
host_root=$(qdiscs_json node veth-{{pod}} | jq -r '[.[] | select(.root) | .kind][0] // empty')
case $host_root in
  tbf|htb) fail "the $host_root qdisc is at the root of veth-{{pod}}, the host end: a root qdisc shapes what a device sends, and veth-{{pod}} sends traffic *to* the pod; the pod's egress leaves through eth0 inside {{pod}}" ;;
esac
fail "no tbf or htb qdisc shapes what {{pod}} sends: eth0 in {{pod}} has ${pod_root:-no} root qdisc${pod_root:+ (not a shaper)}, and veth-{{pod}} redirects nothing to an ifb device"
