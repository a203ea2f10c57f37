# The node task of $NODE: forwarding on, and a route to the other node's pods via that node.
problem=$(forwarding_problem "$NODE")
[ -z "$problem" ] || fail "$problem"
problem=$(route_problem "$NODE")
[ -z "$problem" ] || fail "$problem"
pass "$NODE forwards pod packets, and routes ${CIDR[${OTHER[$NODE]}]} via ${OTHER[$NODE]} ($(node_ip "${OTHER[$NODE]}"))"
