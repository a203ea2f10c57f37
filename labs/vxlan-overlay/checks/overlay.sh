# Pod requests in both directions, with flannel.1's counters read around each one: the request
# and its replies must have gone through the tunnel on both nodes, and the receiving pod must
# have seen the sender's own address.
for pair in "node01 node02" "node02 node01"; do
  read -r from to <<<"$pair"
  path=$(fresh_path)
  read -r tx1 rx1 tx2 rx2 <<<"$(counters)"
  body=$(fetch_or_fail "$from" "$to" "$path") || fail "$body"
  read -r TX1 RX1 TX2 RX2 <<<"$(counters)"
  grep -q "this is ${POD[$to]} on $to" <<<"$body" \
    || fail "${POD[$from]} got an answer from ${POD_IP[$to]}:$PORT, but not from the server in ${POD[$to]}: is something else answering there?"
  # A TCP exchange is at least three packets each way (handshake, request or answer, close); two
  # leave room for the receiver merging segments.
  declare -A sent=([node01]=$((TX1 - tx1)) [node02]=$((TX2 - tx2)))
  declare -A got=([node01]=$((RX1 - rx1)) [node02]=$((RX2 - rx2)))
  for node in "$from" "$to"; do
    if [ "${sent[$node]}" -lt 2 ]; then
      problem=$(route_problem "$node")
      fail "${POD[$from]} reached ${POD[$to]}, but $node did not send its packets through flannel.1 (its counters moved by ${sent[$node]}): ${problem:-check ip route get ${POD_IP[${OTHER[$node]}]} on $node}"
    fi
    if [ "${got[$node]}" -lt 2 ]; then
      fail "${POD[$from]} reached ${POD[$to]}, but $node did not receive the other side's packets through flannel.1 (its counters moved by ${got[$node]}): ${OTHER[$node]} sends them another way; check its route to ${CIDR[$node]}"
    fi
  done
  client=$(logged_client "$to" "$path")
  [ -n "$client" ] || fail "${POD[$from]} got an answer, but the server in ${POD[$to]} did not log the request (its log is /var/log/netdojo/${POD[$to]}.log on $to: leave it in place)"
  [ "$client" = "${POD_IP[$from]}" ] \
    || fail "${POD[$to]} saw ${POD[$from]}'s request come from $client instead of ${POD_IP[$from]}: something translates the source address (see iptables -t nat -S on $from); pods must see each other's real addresses"
done
pass "${POD[node01]} and ${POD[node02]} talk through flannel.1 on both nodes, and each sees the other's own address"
