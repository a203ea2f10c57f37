conf=$(node_file /etc/netns/client/resolv.conf | sed 's/[#;].*//')
if [ -z "$conf" ]; then
  if node_file /etc/resolv.conf | grep -q '10\.96\.0\.10'; then
    fail "/etc/netns/client/resolv.conf does not exist, but the node's own /etc/resolv.conf names 10.96.0.10: the pod's file is /etc/netns/client/resolv.conf (ip netns exec client shows it as the pod's /etc/resolv.conf); leave the node's file alone"
  fi
  fail "/etc/netns/client/resolv.conf does not exist or is empty: write the pod's resolver configuration there"
fi
first=$(awk '$1 == "nameserver" { print $2; exit }' <<<"$conf")
[ -n "$first" ] || fail "/etc/netns/client/resolv.conf has no nameserver line: add nameserver 10.96.0.10"
[ "$first" = 10.96.0.10 ] || fail "the first nameserver of /etc/netns/client/resolv.conf is $first, expected 10.96.0.10, the cluster DNS Service"
# The last search (or domain) line is the one the resolver uses.
search=$(awk '$1 == "search" || $1 == "domain" { $1 = ""; line = $0 } END { print line }' <<<"$conf" | xargs)
want="default.svc.cluster.local svc.cluster.local cluster.local"
[ -n "$search" ] || fail "/etc/netns/client/resolv.conf has no search line: short names like web are never completed; add search $want"
case "$search " in
  "$want "*) ;;
  *) fail "the search list of /etc/netns/client/resolv.conf is \"$search\", expected \"$want\" (in that order: the pod's own namespace first)" ;;
esac
ndots=$(awk '$1 == "options" { for (i = 2; i <= NF; i++) if ($i ~ /^ndots:/) { sub(/^ndots:/, "", $i); n = $i } } END { print n }' <<<"$conf")
[ -n "$ndots" ] || fail "/etc/netns/client/resolv.conf sets no ndots (the default is 1): add options ndots:5, so that names such as web.default.svc go through the search list first"
[ "$ndots" = 5 ] || fail "/etc/netns/client/resolv.conf sets ndots:$ndots, expected ndots:5 as a kubelet writes it"
pass "pod client: nameserver 10.96.0.10, search $search, ndots:5"
