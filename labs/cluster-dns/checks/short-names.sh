# Names a Kubernetes pod uses, with the address each must give.
declare -A want=(
  [web]={{web_ip}} [web.default]={{web_ip}} [web.default.svc]={{web_ip}}
  [web.default.svc.cluster.local]={{web_ip}}
  [db.{{db_ns}}]={{db_ip}} [db.{{db_ns}}.svc.cluster.local]={{db_ip}}
)
hosts=$(pod_hosts | sed 's/#.*//')
search=$(node_file /etc/netns/client/resolv.conf | sed 's/[#;].*//' | awk '$1 == "search" || $1 == "domain" { $1 = ""; line = $0 } END { print line }' | xargs)
for name in web web.default web.default.svc web.default.svc.cluster.local db.{{db_ns}} db.{{db_ns}}.svc.cluster.local; do
  if awk -v n="$name" '{ for (i = 2; i <= NF; i++) if (tolower($i) == n) found = 1 } END { exit !found }' <<<"$hosts"; then
    fail "the pod's hosts file names $name: remove that line, the name must come from the cluster DNS server"
  fi
  got=$(pod_addresses "$name" | joined)
  if [ -z "$got" ]; then
    [ -n "$search" ] || fail "in pod client, getent hosts $name finds nothing: the pod's resolv.conf has no search line, so $name is only asked as it is; add search default.svc.cluster.local svc.cluster.local cluster.local to /etc/netns/client/resolv.conf"
    fail "in pod client, getent hosts $name finds nothing (the pod's search list: $search)"
  fi
  [ "$got" = "${want[$name]}" ] || fail "in pod client, getent hosts $name gives $got, expected ${want[$name]}"
done
got=$(pod_addresses peers | joined)
expected=$(printf '%s\n' {{peers.host(11)}} {{peers.host(12)}} {{peers.host(13)}} | sort -u | joined)
[ "$got" = "$expected" ] || fail "in pod client, getent ahosts peers gives ${got:-nothing}, expected the three pods $expected"
pass "in pod client, web, web.default, db.{{db_ns}}, peers and the full names all resolve"
