value=$(node_forwarding) || fail "cannot read net.ipv4.ip_forward of the node"
[ "$value" = 1 ] || fail "IP forwarding is off in the node (net.ipv4.ip_forward = $value): it drops priv's packets instead of passing them on to outside"
pass "the node forwards packets between its interfaces (net.ipv4.ip_forward = 1)"
