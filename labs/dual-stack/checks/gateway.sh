addresses=$(in_node ip -j -6 addr show dev cni0 scope global 2>/dev/null | jq -r '.[0].addr_info[]? | "\(.local)/\(.prefixlen)"')
if ! grep -qx '{{v6}}::1/64' <<<"$addresses"; then
  [ "$(ipv6_disabled node cni0)" = 1 ] \
    && fail "cni0 has no IPv6 address: IPv6 is disabled on it (net.ipv6.conf.cni0.disable_ipv6 = 1, inherited from the node's default); switch it on in the node, then add {{v6}}::1/64"
  fail "cni0 has ${addresses:+the IPv6 addresses $(tr '\n' ' ' <<<"$addresses")}${addresses:-no global IPv6 address}, expected {{v6}}::1/64, the pods' IPv6 gateway"
fi
grep -qx '{{pods.host(1)}}/{{pods.prefix}}' <<<"$(in_node ip -j -4 addr show dev cni0 | jq -r '.[0].addr_info[]? | "\(.local)/\(.prefixlen)"')" \
  || fail "cni0 has {{v6}}::1/64 but lost its IPv4 address {{pods.host(1)}}/{{pods.prefix}}: dual stack keeps both"
pass "cni0 has {{pods.host(1)}}/{{pods.prefix}} and {{v6}}::1/64: the gateway of both families"
