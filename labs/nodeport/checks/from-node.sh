own=$(node_ip node01)
hit node01 http://{{out.host(1)}}:$PORT/ 10
if [ "$N_NONE" != 0 ]; then
  sent=$SENT what=$(got)
  hit outside http://{{out.host(1)}}:$PORT/ 3
  if [ "$N_NONE" = 0 ]; then
    fail "$sent: $what, while the same address and port answer from outside. A connection node01 makes itself passes the nat OUTPUT chain, never PREROUTING: jump to your NodePort rules from OUTPUT too, for local destinations only (-m addrtype --dst-type LOCAL)"
  fi
  fail "$sent: $what; port $PORT must lead to Service web for the node's own connections too (nat OUTPUT)"
fi
hit node01 http://$own:$PORT/ 10
[ "$N_NONE" = 0 ] || fail "$SENT (node01's cluster address): $(got), while {{out.host(1)}}:$PORT answers: port $PORT must answer on every address of node01; match the node's addresses with -m addrtype --dst-type LOCAL (nftables: fib daddr type local) rather than one -d address"
pass "node01 reaches Service web at its own addresses {{out.host(1)}}:$PORT and $own:$PORT"
