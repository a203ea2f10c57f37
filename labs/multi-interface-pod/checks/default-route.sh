default=$(in_netns {{pod}} ip -j route show default | jq -r '.[] | "via \(.gateway // "-") dev \(.dev)"' | head -n 1)
chosen=$(in_netns {{pod}} ip -j route get {{svc}} 2>/dev/null | jq -r '.[0] | "via \(.gateway // "-") dev \(.dev)"')
[ "$chosen" = "via {{pods.host(1)}} dev eth0" ] \
  || fail "{{pod}} sends traffic for {{svc}} (a cluster service) ${chosen:+$chosen}${chosen:-nowhere} (its default route: ${default:-none}); the default route must stay via {{pods.host(1)}} dev eth0, only {{storage}} goes over net1"
in_netns {{pod}} ping -c 1 -W 2 {{svc}} >/dev/null \
  || fail "{{pod}} routes {{svc}} via {{pods.host(1)}} dev eth0, but a ping to it got no answer: is eth0 still up with {{pods.host(2)}}?"
pass "the default route of {{pod}} is still via {{pods.host(1)}} dev eth0, and a ping to {{svc}} got its answer that way"
