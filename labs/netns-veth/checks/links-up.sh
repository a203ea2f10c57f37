veth_pair {{red}} {{blue}}
# Both ends' admin state first: a down end leaves its peer without carrier, and the message
# should name the end that is down, not the one that suffers from it.
has_flag {{red}} "$END1" UP || fail "$END1 in {{red}} is down: set it up"
has_flag {{blue}} "$END2" UP || fail "$END2 in {{blue}} is down: set it up"
has_flag {{red}} "$END1" LOWER_UP || fail "$END1 in {{red}} is up but has no carrier"
has_flag {{blue}} "$END2" LOWER_UP || fail "$END2 in {{blue}} is up but has no carrier"
pass "both ends are up, with carrier"
