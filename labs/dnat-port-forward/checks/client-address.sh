path=$(fresh_path)
fetch_app outside "$path" "from outside"
node_file /var/log/netdojo/app-access.log >/dev/null \
  || fail "the app's log /var/log/netdojo/app-access.log is missing: it is the evidence this task is graded on, leave it in place"
client=$(logged_client "$path")
[ -n "$client" ] || fail "priv's app did not log the request from outside"
case $client in
  {{out.host(10)}}) pass "priv's app saw the request come from {{out.host(10)}}, the real client in outside" ;;
  {{priv.host(1)}}|{{out.host(1)}}) fail "priv's app saw the client as $client, the node's own address, not {{out.host(10)}}: the node proxies the connection or rewrites its source too (a proxy or a MASQUERADE/SNAT rule); rewrite only the destination" ;;
  *) fail "priv's app saw the client as $client, not {{out.host(10)}}: rewrite only the destination, so that the app sees who really connected" ;;
esac
