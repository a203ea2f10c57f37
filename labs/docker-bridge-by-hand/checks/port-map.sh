need_netns c1
need_netns outside
# The student's own app on c1:80 may answer; otherwise the check serves that port itself.
ours=''
if [ -z "$(in_netns c1 ss -Hltn 'sport = :80')" ]; then
  start_witness c1 0.0.0.0 80
  ours=1
fi
# The node's connection tracking tells where the connection really went: its reply tuple
# names the address and port that answered, and the address the answer went back to. A refused
# connection leaves the table at once, so the check listens to the table's events instead.
events=$(mktemp)
in_node stdbuf -oL timeout 15 conntrack -E -e NEW -p tcp --orig-src "$OUTSIDE" >"$events" 2>/dev/null &
WITNESS_PIDS="$WITNESS_PIDS $!"
# conntrack prints nothing until an event: connections to a closed port show when it listens.
deadline=$(($(date +%s%N) + 5000000000))
while [ "$(date +%s%N)" -lt "$deadline" ]; do
  probe=$(random_port 50000)
  in_netns outside curl -s --connect-timeout 0.3 -m 1 --local-port "$probe" "http://$NODE_OUT:1/" >/dev/null 2>&1
  grep -q "sport=$probe " "$events" && break
  sleep 0.05
done
sport=$(random_port 40000)
body=$(in_netns outside curl -sS --connect-timeout 2 -m 3 --local-port "$sport" "http://$NODE_OUT:{{hostPort}}/netdojo-$WITNESS_TOKEN" 2>&1); rc=$?
for _ in $(seq 40); do grep -q "sport=$sport " "$events" && break; sleep 0.05; done
entry=$(grep "sport=$sport " "$events" | head -n1)
# A connection that was answered stays in the table for a while (TIME_WAIT): read it there if
# its event was missed.
[ -n "$entry" ] || [ $rc -ne 0 ] || entry=$(in_node conntrack -L -p tcp --orig-src "$OUTSIDE" --orig-port-src "$sport" 2>/dev/null | head -n1)
reply=$(grep -o 'src=[^ ]* dst=[^ ]* sport=[^ ]* dport=[^ ]*' <<<"$entry" | sed -n 2p)
r_src=$(sed -n 's/.*src=\([^ ]*\) dst=.*/\1/p' <<<"$reply")
r_dst=$(sed -n 's/.* dst=\([^ ]*\) sport=.*/\1/p' <<<"$reply")
r_sport=$(sed -n 's/.* sport=\([^ ]*\) dport=.*/\1/p' <<<"$reply")
if [ -n "$reply" ] && [ "$r_src" != "$NODE_OUT" ] && [ "$r_src:$r_sport" != "${ADDRESS[c1]}:80" ]; then
  fail "port {{hostPort}} of $NODE_OUT is forwarded to $r_src:$r_sport, not to c1's port 80 (${ADDRESS[c1]}:80)"
fi
if [ $rc -ne 0 ]; then
  if [ "$r_src" = "${ADDRESS[c1]}" ]; then
    [ "$(node_forwarding)" = 1 ] || fail "the connection from outside is translated to c1, but the node does not forward it (net.ipv4.ip_forward = 0)"
    fail "the connection from outside is translated to c1:80 but gets no answer from c1 (curl: $(tail -n 1 <<<"$body")): does c1 route its answers back via $GATEWAY?"
  fi
  case $rc in
    7) fail "outside's connection to $NODE_OUT:{{hostPort}} was refused: nothing forwards that port to c1. Connections from outside pass the nat table's PREROUTING hook: DNAT them to ${ADDRESS[c1]}:80 there" ;;
    28) [ "$(node_forwarding)" = 1 ] || fail "outside's connection to $NODE_OUT:{{hostPort}} got no answer: the node does not forward packets (net.ipv4.ip_forward = 0), so a translated connection cannot reach c1"
        fail "outside's connection to $NODE_OUT:{{hostPort}} got no answer within 3 s: it is forwarded to an address that does not answer" ;;
    *) fail "outside could not fetch http://$NODE_OUT:{{hostPort}}/ (curl exit $rc): $(tail -n 1 <<<"$body")" ;;
  esac
fi
[ -n "$reply" ] || fail "outside got an answer on $NODE_OUT:{{hostPort}}, but the node's connection tracking has no record of it: publish the port with a DNAT rule"
[ "$r_src" != "$NODE_OUT" ] || fail "a program on the node itself answered port {{hostPort}} (a proxy?), so c1 sees every client as the node: publish the port with DNAT to ${ADDRESS[c1]}:80 instead"
[ "$r_dst" = "$OUTSIDE" ] || fail "c1 saw the client as $r_dst, not $OUTSIDE: the connection's source is rewritten too (a MASQUERADE or SNAT that also matches traffic going into $BRIDGE?); a port mapping rewrites only the destination"
if [ -n "$ours" ] && ! grep -q "netdojo-witness $WITNESS_TOKEN saw $OUTSIDE" <<<"$body"; then
  fail "outside got an answer on $NODE_OUT:{{hostPort}}, but not from the test server on c1:80"
fi
pass "outside reaches c1:80 through $NODE_OUT:{{hostPort}}, and c1 sees the real client $OUTSIDE"
