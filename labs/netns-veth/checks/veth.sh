veth_pair {{red}} {{blue}}
pass "$END1 in {{red}} and $END2 in {{blue}} are the two ends of one veth pair"
