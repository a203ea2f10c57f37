for from in "${NODES[@]}"; do
  for to in $(others_of "$from"); do
    body=$(fetch_or_fail "$from" "$to" "$(fresh_path)") || fail "$body"
    grep -q "this is ${POD[$to]} on $to" <<<"$body" \
      || fail "${POD[$from]} got an answer from ${POD_IP[$to]}:$PORT, but not from the server in ${POD[$to]}: is something else answering there?"
  done
done
pass "every pod reaches the pods of the other two nodes"
