for pair in "node01 node02" "node02 node01"; do
  read -r from to <<<"$pair"
  body=$(fetch_or_fail "$from" "$to" "$(fresh_path)") || fail "$body"
  grep -q "this is ${POD[$to]} on $to" <<<"$body" \
    || fail "${POD[$from]} got an answer from ${POD_IP[$to]}:$PORT, but not from the server in ${POD[$to]}: is something else answering there?"
done
pass "${POD[node01]} and ${POD[node02]} reach each other across the nodes"
