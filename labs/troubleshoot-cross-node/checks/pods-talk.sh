for pair in "node01 node02" "node02 node01"; do
  read -r from to <<<"$pair"
  path=$(fresh_path)
  url="http://${POD_IP[$to]}:$PORT$path"
  if ! body=$(fetch "$from" "$to" "$path" 2>&1); then
    problem=$(path_problem)
    if [ -z "$problem" ]; then
      # Forwarding and routes look right: a first packet lost to ARP is no fault of the student's.
      body=$(fetch "$from" "$to" "$path" 2>&1) || problem="forwarding and routes look right on both nodes, yet no answer came; tcpdump -ni eth0 host ${POD_IP[$from]} on both nodes shows where the packets stop"
    fi
    [ -n "$problem" ] && fail "${POD[$from]} on $from sent GET $url to ${POD[$to]} on $to and got no answer ($(tail -n 1 <<<"$body")): $problem"
  fi
  grep -q "pod ${POD[$to]} (${POD_IP[$to]}) answers" <<<"$body" \
    || fail "${POD[$from]} sent GET $url and got \"$(head -c 120 <<<"$body")\", which is not the web server of ${POD[$to]}: is something else answering there?"
  client=$(logged_client "$to" "$path")
  [ -n "$client" ] || fail "${POD[$from]} got an answer from $url, but the server in ${POD[$to]} did not log it (its log is /var/log/netdojo/${POD[$to]}.log on $to: leave it in place)"
  [ "$client" = "${POD_IP[$from]}" ] && continue
  [ "$client" = "$(node_ip "$from")" ] \
    && fail "${POD[$to]} logged ${POD[$from]}'s GET $path as coming from $client, $from's own address, not from ${POD_IP[$from]}: $from rewrites the source of pod traffic (a MASQUERADE or SNAT rule, see iptables -t nat -S); pods must see each other's real addresses"
  fail "${POD[$to]} logged ${POD[$from]}'s GET $path as coming from $client, not from ${POD_IP[$from]}: something translates the source address on the way"
done
pass "${POD[node01]} and ${POD[node02]} reach each other across the nodes, each logging the other's own address (${POD_IP[node01]}, ${POD_IP[node02]}): no NAT"
