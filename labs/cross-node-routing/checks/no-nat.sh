for pair in "node01 node02" "node02 node01"; do
  read -r from to <<<"$pair"
  path=$(fresh_path)
  body=$(fetch_or_fail "$from" "$to" "$path") || fail "$body"
  client=$(logged_client "$to" "$path")
  [ -n "$client" ] || fail "${POD[$from]} got an answer, but the server in ${POD[$to]} did not log the request (its log is /var/log/netdojo/${POD[$to]}.log on $to: leave it in place)"
  [ "$client" = "${POD_IP[$from]}" ] && continue
  [ "$client" = "$(node_ip "$from")" ] \
    && fail "${POD[$to]} saw ${POD[$from]}'s request come from $client, $from's own address: $from rewrites the source of pod traffic (a MASQUERADE or SNAT rule, see iptables -t nat -S). Pods must see each other's real addresses: exempt pod-to-pod traffic from NAT"
  fail "${POD[$to]} saw ${POD[$from]}'s request come from $client instead of ${POD_IP[$from]}: something translates the source address on the way; pods must see each other's real addresses"
done
pass "each pod sees the other's own address (${POD_IP[node01]}, ${POD_IP[node02]}): no NAT between the nodes"
