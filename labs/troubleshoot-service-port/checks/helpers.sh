# Shared by this lab's checks, after the grader's helpers. Every request is the grader's own
# curl, sent from pod client's namespace, each on a new TCP connection so that the node's rules
# pick a backend afresh.
VIP={{vip}}
CLIENT={{pods.host(10)}}
URL="http://$VIP:80"

# sample N: N requests to the VIP, eight at a time, each with its own path. Sets REPLIES (one
# line per request: "POD CLIENT-SEEN PATH-SENT PATH-SEEN", or "none CURL-EXIT PATH-SENT") and
# the counts N1 (web-1), N2 (web-2), NONE and WRONG (a reply that is not from web-1 or web-2).
sample() {
  local token=/check-$(date +%s%N)-$RANDOM
  netns_file client >/dev/null || fail "pod client's namespace is gone: the grader sends its requests from there; leave it in place"
  # A first request fills the ARP caches, so that no counted request pays for them.
  in_netns client curl -s -o /dev/null -m 2 "$URL/warm-up" >/dev/null 2>&1
  EVENTS=$(mktemp)
  trap 'rm -f "$EVENTS"' EXIT
  ( exec nsenter --net="/proc/$NODE_PID/ns/net" -- timeout 20 stdbuf -oL conntrack -E -e NEW -p tcp --orig-dst "$VIP" --dport 80 ) >"$EVENTS" 2>/dev/null &
  local watcher=$!
  sleep 0.3
  local n=$1
  REPLIES=$(seq "$n" | in_netns client xargs -P 8 -I{} sh -c '
    out=$(curl -s --connect-timeout 1 -m 2 "$1$2-$3"); rc=$?
    set -- "$2-$3" "$rc" $out
    if [ "$2" = 0 ] && [ -n "$3" ]; then echo "$3 ${4#client=} $1 ${5#path=}"; else echo "none $2 $1"; fi' _ "$URL" "$token" {})
  # A few lost requests on a busy machine are not the student's fault: ask those again, slowly.
  # Many lost ones are a fault, and asking again would only make the check slow.
  if [ "$(grep -c '^none ' <<<"$REPLIES")" -le 3 ]; then
    local line path out
    while read -r line; do
      path=${line##* }
      out=$(in_netns client curl -s --connect-timeout 3 -m 4 "$URL$path") || continue
      set -- $out
      REPLIES=$(sed "s|^$line\$|$1 ${2#client=} $path ${3#path=}|" <<<"$REPLIES")
    done < <(grep '^none ' <<<"$REPLIES")
  fi
  sleep 0.3
  kill "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
  N1=$(awk '$1 == "web-1" && $3 == $4' <<<"$REPLIES" | wc -l)
  N2=$(awk '$1 == "web-2" && $3 == $4' <<<"$REPLIES" | wc -l)
  NONE=$(grep -c '^none ' <<<"$REPLIES")
  WRONG=$((n - N1 - N2 - NONE))
}

# What the requests got, for messages.
tally() {
  echo "web-1 answered $N1, web-2 $N2, $NONE got no answer$([ "$WRONG" = 0 ] || echo ", $WRONG got an answer from something else")"
}


# Where the node's NAT sent the connections of the last sample, from conntrack's events (the
# kernel's own record of each translation): "ADDRESS:PORT COUNT" lines, ADDRESS the VIP itself
# for connections that were not translated.
targets() {
  awk '$1 == "[NEW]" { s = p = 0
    for (i = 1; i <= NF; i++) {
      if ($i ~ /^src=/ && ++s == 2) a = substr($i, 5)
      if ($i ~ /^sport=/ && ++p == 2) b = substr($i, 7)
    }
    print a ":" b }' "$EVENTS" | sort | uniq -c | awk '{ print $2, $1 }'
}
