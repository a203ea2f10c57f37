attachment {{a}}
a=$ADDR
attachment {{b}}
b=$ADDR
[ "$a" != "$b" ] || fail "{{a}} and {{b}} both have $a: two pods must never share an address; host-local hands out a new one for each ADD"
pass "{{a}} has $a/{{net.prefix}} and {{b}} has $b/{{net.prefix}} on eth0, each a veth pair to a port of cni0"
