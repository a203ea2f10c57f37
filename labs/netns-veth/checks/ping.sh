veth_pair {{red}} {{blue}}
expect_ping {{red}} {{net.host(2)}} "$END1"
expect_ping {{blue}} {{net.host(1)}} "$END2"
pass "{{red}} and {{blue}} ping each other over the veth pair"
