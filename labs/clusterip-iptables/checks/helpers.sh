# Shared by every check of clusterip-iptables (after the grader's in_node, in_netns, fail).
# Requests are the grader's own curl, run in pod client's namespace: each a new TCP connection to
# the virtual IP, so that the node's rules choose a backend afresh, as they would for a real pod.
VIP={{vip}}
CLIENT={{pods.host(10)}}
SENT_TO="http://$VIP:80/"

# sample N: sends N requests from pod client to the VIP (see requests) and sets ANSWERS (one
# line per request: "web-1 CLIENT-SEEN" or "none CURL-EXIT"), ANSWERED and the per-pod counts
# N_WEB1, N_WEB2, N_WEB3, N_NONE. Fails when client is gone.
sample() {
  local n=$1
  SAMPLE_TOKEN=check-$(date +%s%N)-$RANDOM
  netns_file client >/dev/null || fail "pod client's namespace is gone: the grader sends its requests from there; leave it in place"
  # One warm-up request fills the ARP caches, so that no sampled request pays for them. When it
  # fails, a first batch of 8 shows whether anything answers at all: if nothing does, the
  # verdict is clear without waiting for 60 timeouts.
  if ! in_netns client curl -s -o /dev/null -m 2 "$SENT_TO" >/dev/null 2>&1; then
    requests 8
    [ "$N_NONE" = 8 ] && return
  fi
  requests "$n"
}

# requests N: the requests of sample, eight at a time; sets SENT_N and the counts.
requests() {
  SENT_N=$1
  ANSWERS=$(seq "$1" | in_netns client xargs -P 8 -I{} sh -c '
    out=$(curl -s --connect-timeout 1 -m 2 -H "X-Netdojo-Check: $1-$2" "$3"); rc=$?
    set -- $out "$rc"
    if [ "$2" = {{release}} ]; then echo "$1 ${3#client=}"; else echo "none $rc"; fi' _ "$SAMPLE_TOKEN" {} "$SENT_TO")
  # A few lost requests on a busy machine are not the student's fault: ask those again, slowly.
  # Many lost ones are a fault, and asking again would only make the check slow.
  local lost i out
  lost=$(grep -c '^none ' <<<"$ANSWERS")
  if [ "$lost" -ge 1 ] && [ "$lost" -le 3 ]; then
    for i in $(seq "$lost"); do
      out=$(in_netns client curl -s --connect-timeout 3 -m 4 -H "X-Netdojo-Check: $SAMPLE_TOKEN-again-$i" "$SENT_TO") || continue
      set -- $out
      [ "$2" = {{release}} ] || continue
      ANSWERS=$(awk -v line="$1 ${3#client=}" '!done && /^none / { print line; done = 1; next } { print }' <<<"$ANSWERS")
    done
  fi
  N_WEB1=$(grep -c '^web-1 ' <<<"$ANSWERS")
  N_WEB2=$(grep -c '^web-2 ' <<<"$ANSWERS")
  N_WEB3=$(grep -c '^web-3 ' <<<"$ANSWERS")
  N_NONE=$(grep -c '^none ' <<<"$ANSWERS")
  ANSWERED=$((SENT_N - N_NONE))
}

# What the requests got, for messages.
tally() {
  echo "web-1 answered $N_WEB1, web-2 $N_WEB2, web-3 $N_WEB3, and $N_NONE got no answer"
}

# Why requests got no answer, as far as the node's state tells (for messages).
why_none() {
  local codes
  codes=$(awk '$1 == "none" { print $2 }' <<<"$ANSWERS" | sort -u | paste -sd/ -)
  if [ "$(in_node cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null)" != 1 ]; then
    echo "(curl exit $codes). The client and the backends share bridge cni0, so a backend's reply goes straight back over the bridge and is never translated back from the pod's address to the VIP: set net.bridge.bridge-nf-call-iptables=1 (sysctl -w), as kube-proxy requires"
  elif [ "$(in_node cat /proc/sys/net/ipv4/ip_forward)" != 1 ]; then
    echo "(curl exit $codes): forwarding is off on the node, so translated packets are never sent on to the pods: sysctl -w net.ipv4.ip_forward=1"
  else
    echo "(curl exit $codes): those connections matched none of your DNAT rules (a pod's packets pass PREROUTING, not OUTPUT; check the probabilities: rule k of n needs 1/(n-k+1)) or were sent to a port where nothing listens (the pods serve on port {{port}})"
  fi
}
