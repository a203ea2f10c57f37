# Shared by every check of nodeport (after the grader's on_node, in_node, in_netns, fail). Every
# request is the grader's own curl, each a new TCP connection, sent from where the check says:
# namespace outside on node01, or a node's own network namespace (traffic the node makes itself).
PORT={{nodeport}}

# node_ip NODE: the node's address on the cluster network (its eth0).
node_ip() {
  (on_node "$1" >/dev/null && in_node ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[0].local // empty')
}

# hit FROM URL N: sends N requests to URL from FROM (outside, node01 or node02), five at a time.
# Sets SENT (for messages), N_WEB1, N_WEB2, N_NONE and CODES (curl's exit codes of the failures).
hit() {
  local from=$1 url=$2 n=$3 answers run
  if [ "$from" = outside ]; then
    on_node node01
    netns_file outside >/dev/null || fail "namespace outside on node01 is gone: the grader sends its requests from there; leave it in place"
    run=(in_netns outside)
    SENT="$n requests from namespace outside to $url"
  else
    on_node "$from"
    run=(in_node)
    SENT="$n requests from $from itself to $url"
  fi
  # One warm-up request fills the ARP caches, so that no counted request pays for them.
  "${run[@]}" curl -s -o /dev/null -m 2 "$url" >/dev/null 2>&1
  answers=$(seq "$n" | "${run[@]}" xargs -P 5 -I{} sh -c '
    out=$(curl -s --connect-timeout 1 -m 2 "$1"); rc=$?
    set -- $out "$rc"
    if [ "$2" = {{release}} ]; then echo "$1"; else echo "none $rc"; fi' _ "$url")
  N_WEB1=$(grep -c '^web-1$' <<<"$answers")
  N_WEB2=$(grep -c '^web-2$' <<<"$answers")
  N_NONE=$(grep -c '^none ' <<<"$answers")
  CODES=$(awk '$1 == "none" { print $2 }' <<<"$answers" | sort -u | paste -sd/ -)
  on_node node01
}

# What came back, for messages.
got() {
  if [ "$N_NONE" = 0 ]; then
    echo "web-1 answered $N_WEB1 and web-2 $N_WEB2"
  else
    local how="no answer"
    case $CODES in
      7) how="connection refused" ;;
      28) how="no answer (timed out)" ;;
    esac
    echo "$N_NONE got $how (curl exit $CODES), web-1 answered $N_WEB1 and web-2 $N_WEB2"
  fi
}
