ip=$(tr - . <<<"{{pod_dashed}}")
name={{pod_dashed}}.default.pod.cluster.local
ask $name A
found=$(records $name. a | sort -u)
if [ -z "$found" ]; then
  ask {{pod_dashed}}.pod.cluster.local A
  [ -n "$(records {{pod_dashed}}.pod.cluster.local. a)" ] && fail "pod client asked $DNS for $name A: $(no_data $name A); the server has {{pod_dashed}}.pod.cluster.local, without the namespace: a pod record is IP-with-dashes.NAMESPACE.pod.cluster.local"
  fail "pod client asked $DNS for $name A: $(no_data $name A)"
fi
[ "$found" = "$ip" ] || fail "pod client asked $DNS for $name A and got $(joined <<<"$found"), expected $ip (the address the dashed name spells)"
pass "$name answers $ip"
