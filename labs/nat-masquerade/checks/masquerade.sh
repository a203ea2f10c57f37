path=$(fresh_path)
in_netns priv curl -s -m 4 -o /dev/null "http://{{out.host(10)}}$path" \
  || fail "priv cannot fetch http://{{out.host(10)}}/ yet, so the server has no request from it to log"
node_file /var/log/netdojo/access.log >/dev/null \
  || fail "the server's log /var/log/netdojo/access.log is missing: it is the evidence this task is graded on, leave it in place"
client=$(logged_client "$path")
[ -n "$client" ] || fail "priv got an answer, but the web server in outside did not log the request: is something else answering at {{out.host(10)}}?"
case $client in
  {{out.host(1)}}) pass "the web server logged priv's request as coming from {{out.host(1)}}, the node's outside address" ;;
  {{priv.host(2)}}) fail "the web server saw the client as {{priv.host(2)}}, priv's private address: its reply came back by a route in outside, not through NAT. Remove that route and masquerade priv's traffic leaving the node towards outside" ;;
  *) fail "the web server saw the client as $client, expected {{out.host(1)}}: translate priv's source address to the node's address on the outside link" ;;
esac
