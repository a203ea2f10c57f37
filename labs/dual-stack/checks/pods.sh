check_pod() {
  local pod=$1 want=$2 v4=$3 addresses route
  in_netns "$pod" true >/dev/null || fail "network namespace $pod is gone: setup made it; start the lab again"
  grep -qx "$v4/{{pods.prefix}}" <<<"$(in_netns "$pod" ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[]? | "\(.local)/\(.prefixlen)"')" \
    || fail "$pod lost its IPv4 address $v4/{{pods.prefix}} on eth0: a dual-stack pod keeps one address of each family"
  addresses=$(pod_ipv6 "$pod")
  if ! grep -q "^$want/" <<<"$addresses"; then
    explain_disabled "$pod"
    fail "eth0 in $pod has ${addresses:+the IPv6 addresses $(tr '\n' ' ' <<<"$addresses")}${addresses:-no global IPv6 address}, expected $want/64"
  fi
  grep -qx "$want/64" <<<"$addresses" \
    || fail "eth0 in $pod has $(grep "^$want/" <<<"$addresses" | head -n 1), expected $want/64: with another prefix length the pods do not see {{v6}}::/64 as their shared link"
  grep -q "^$want/64 dadfailed" <<<"$addresses" \
    && fail "$want on $pod failed duplicate address detection: another interface on cni0 already has it"
  # Any default route that reaches the gateway will do: via {{v6}}::1, or via cni0's link-local address.
  route=$(in_netns "$pod" ip -j -6 route get fd00:10:96::a 2>/dev/null | jq -r '.[0] | "\(.gateway // "on-link") dev \(.dev)"')
  [ -n "$route" ] || fail "$pod has no IPv6 route beyond its own /64 (ip -6 route get fd00:10:96::a finds none): add an IPv6 default route via the gateway on cni0, {{v6}}::1"
  case $route in *" dev eth0") ;; *) fail "$pod sends IPv6 traffic for other networks to $route, not through eth0" ;; esac
  [ "${route%% *}" = on-link ] && fail "$pod's IPv6 default route has no gateway (it treats every address as on its link): point it via {{v6}}::1"
  in_netns "$pod" ping -6 -c 1 -W 2 "${route%% *}" >/dev/null 2>&1 \
    || in_netns "$pod" ping -6 -c 1 -W 2 -I eth0 "${route%% *}" >/dev/null 2>&1 \
    || fail "$pod's IPv6 default route goes via ${route%% *}, but a ping -6 to that gateway got no answer: does cni0 have {{v6}}::1/64 (and IPv6 on in the node)?"
}
check_pod {{a}} {{v6}}::2 {{pods.host(2)}}
check_pod {{b}} {{v6}}::3 {{pods.host(3)}}
pass "{{a}} and {{b}} each have IPv4 and IPv6 addresses ({{v6}}::2/64, {{v6}}::3/64) and an IPv6 default route whose gateway answers"
