# The node task of $NODE: its flannel.1, the entry naming the other node, the route into the
# tunnel, and MTUs that fit.
for check in vtep_problem fdb_problem route_problem mtu_problem; do
  problem=$("$check" "$NODE")
  [ -z "$problem" ] || fail "$problem"
done
pass "$NODE's flannel.1 (VNI $VNI, port $VXLAN_PORT) sends to ${OTHER[$NODE]} ($(node_ip "${OTHER[$NODE]}")), ${CIDR[${OTHER[$NODE]}]} is routed into it, and ${POD[$NODE]}'s packets fit"
