for from in "${NODES[@]}"; do
  for to in $(others_of "$from"); do
    path=$(fresh_path)
    body=$(fetch_or_fail "$from" "$to" "$path") || fail "$body"
    client=$(logged_client "$to" "$path")
    [ -n "$client" ] || fail "${POD[$from]} got an answer, but the server in ${POD[$to]} did not log the request (its log is /var/log/netdojo/${POD[$to]}.log on $to: leave it in place)"
    [ "$client" = "${POD_IP[$from]}" ] \
      || fail "${POD[$to]} saw ${POD[$from]}'s request come from $client instead of ${POD_IP[$from]}: something on the way translates the source address (see iptables -t nat -S on $from); pods must see each other's real addresses"
  done
done
pass "every pod sees the others' own addresses: no NAT between the nodes"
