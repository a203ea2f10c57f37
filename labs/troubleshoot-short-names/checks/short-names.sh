declare -A want=(
  [web]={{web_ip}} [db.{{db_ns}}]={{db_ip}} [web.default]={{web_ip}} [web.default.svc]={{web_ip}}
  [web.default.svc.cluster.local]={{web_ip}} [db.{{db_ns}}.svc.cluster.local]={{db_ip}}
)
hosts=$(pod_hosts | sed 's/#.*//')
[ -n "$(pod_resolv)" ] || fail "/etc/netns/{{pod}}/resolv.conf, the pod's resolv.conf, is gone or empty: the pod then uses the node's file, which knows nothing of the cluster"
for name in web db.{{db_ns}} web.default web.default.svc web.default.svc.cluster.local db.{{db_ns}}.svc.cluster.local; do
  if awk -v n="$name" '{ for (i = 2; i <= NF; i++) if (tolower($i) == n) found = 1 } END { exit !found }' <<<"$hosts"; then
    fail "the hosts file the pod sees names $name: a hosts entry hides the symptom for one name; remove it, names must come from the cluster DNS"
  fi
  got=$(pod_lookup "$name")
  [ "$got" = "${want[$name]}" ] && continue
  [ -n "$got" ] || fail "in pod {{pod}}, getent ahostsv4 $name found nothing (expected ${want[$name]}): $(why_unresolved "$name")"
  if [ "$got" = "{{outside_ip}}" ]; then
    fail "in pod {{pod}}, getent ahostsv4 $name gave {{outside_ip}}, the upstream's wildcard for the public domain {{db_ns}}, not Service db at {{db_ip}}: $name has a dot, and with ndots $(pod_ndots) that is enough for the resolver to ask it as it is before the search list"
  fi
  fail "in pod {{pod}}, getent ahostsv4 $name gave $got, expected ${want[$name]}"
done
pass "in pod {{pod}}, web, web.default, web.default.svc, db.{{db_ns}} and the full names resolve to their Services ({{web_ip}}, {{db_ip}})"
