expect_a web.default.svc.cluster.local {{web_ip}}
ask db.{{db_ns}}.svc.cluster.local A
if [ -z "$(records db.{{db_ns}}.svc.cluster.local. a)" ]; then
  why=$(no_data db.{{db_ns}}.svc.cluster.local A)
  for ns in default prod billing payments; do
    [ "$ns" = "{{db_ns}}" ] && continue
    ask db.$ns.svc.cluster.local A
    [ -n "$(records db.$ns.svc.cluster.local. a)" ] && fail "pod client asked $DNS for db.{{db_ns}}.svc.cluster.local A: $why; the server has db.$ns.svc.cluster.local instead, but Service db lives in namespace {{db_ns}}"
  done
  fail "pod client asked $DNS for db.{{db_ns}}.svc.cluster.local A: $why"
fi
expect_a db.{{db_ns}}.svc.cluster.local {{db_ip}}
pass "from pod client, $DNS answers web.default.svc.cluster.local {{web_ip}} and db.{{db_ns}}.svc.cluster.local {{db_ip}}"
