veth_pair {{red}} {{blue}}
expect_address {{red}} "$END1" {{net.host(1)}} {{net.prefix}}
expect_address {{blue}} "$END2" {{net.host(2)}} {{net.prefix}}
pass "$END1 in {{red}} has {{net.host(1)}}/{{net.prefix}} and $END2 in {{blue}} has {{net.host(2)}}/{{net.prefix}}"
