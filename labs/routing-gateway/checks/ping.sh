need_netns left
need_netns right
ping_from_ns left "$RIGHT_IP" || fail "left cannot ping right ($RIGHT_IP): routes both ways and forwarding in router are needed"
ping_from_ns right "$LEFT_IP" || fail "right cannot ping left ($LEFT_IP)"
pass "left and right ping each other through router"
