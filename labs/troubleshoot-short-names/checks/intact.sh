# The repair belongs in the pod's resolv.conf, written the way a kubelet writes it; the server,
# the node's own resolver and the hosts files stay as they were.
conf=$(pod_resolv)
first=$(awk '$1 == "nameserver" { print $2; exit }' <<<"$conf")
[ "$first" = "$DNS" ] || fail "the first nameserver of /etc/netns/{{pod}}/resolv.conf is ${first:-missing}, expected $DNS, the cluster DNS Service"
search=$(pod_search)
case "$search " in
  "$KUBELET_SEARCH "*) ;;
  *) fail "the search list of /etc/netns/{{pod}}/resolv.conf is \"$search\", expected \"$KUBELET_SEARCH\" in that order, as a kubelet writes it for a pod in namespace default (its own namespace first)" ;;
esac
ndots=$(pod_ndots)
[ "$ndots" = 5 ] || fail "/etc/netns/{{pod}}/resolv.conf gives ndots $ndots, expected options ndots:5 as a kubelet writes it (with fewer, a name such as a.b.c.d is asked as it is before the search list)"
got=$(dig_a web.default.svc.cluster.local)
[ "$got" = "{{web_ip}}" ] || fail "from pod {{pod}}, dig @$DNS web.default.svc.cluster.local gave ${got:-nothing}, expected {{web_ip}}: the cluster DNS server itself is broken now"
got=$(dig_a www.{{db_ns}})
[ "$got" = "{{outside_ip}}" ] || fail "from pod {{pod}}, dig @$DNS www.{{db_ns}} gave ${got:-nothing}, expected {{outside_ip}} from upstream: the cluster DNS must still answer names outside the cluster (the fault was never on the server)"
node_conf=$(node_file /etc/resolv.conf | sed 's/[#;].*//')
if grep -Eq '10\.96\.0\.10|cluster\.local' <<<"$node_conf"; then
  fail "the node's own /etc/resolv.conf now names the cluster DNS or cluster.local: the pod's file is /etc/netns/{{pod}}/resolv.conf; give the node its own file back"
fi
pass "the pod's resolv.conf is the kubelet's (nameserver $DNS, search $search, ndots:5), and the server still answers cluster and outside names"
