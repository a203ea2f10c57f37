ask peers.default.svc.cluster.local A
found=$(records peers.default.svc.cluster.local. a | sort -u)
[ -n "$found" ] || fail "pod client asked $DNS for peers.default.svc.cluster.local A: $(no_data peers.default.svc.cluster.local A)"
want=$(printf '%s\n' {{peers.host(11)}} {{peers.host(12)}} {{peers.host(13)}} | sort -u)
if [ "$found" != "$want" ]; then
  count=$(grep -cxFf <(printf '%s\n' "$want") <<<"$found" || true)
  fail "pod client asked $DNS for peers.default.svc.cluster.local A and got $(joined <<<"$found") ($count of the 3 pods): a headless Service answers with one A record per ready pod, expected $(joined <<<"$want")"
fi
pass "peers.default.svc.cluster.local answers all three pods: $(joined <<<"$found")"
