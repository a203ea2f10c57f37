need_netns {{red}}
need_netns {{blue}}
pass "namespaces {{red}} and {{blue}} exist"
