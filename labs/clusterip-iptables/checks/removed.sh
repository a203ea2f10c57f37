# web-3 still serving shows that it was left out of the rules, not stopped.
direct=$(in_netns client curl -s -m 2 "http://{{pods.host(4)}}:{{port}}/" 2>/dev/null | awk '{ print $1 }')
[ "$direct" = web-3 ] || fail "pod client sent a request straight to web-3 (http://{{pods.host(4)}}:{{port}}/) and got no answer from it: web-3 is draining and must keep running; take it out of the Service's rules, do not stop it"
sample 60
[ "$N_WEB3" = 0 ] || fail "pod client sent $SENT_N requests to $SENT_TO: $(tally); web-3 is no endpoint of the Service any more, so no rule may send to it"
[ "$N_NONE" = 0 ] || fail "pod client sent $SENT_N requests to $SENT_TO: $(tally) $(why_none)"
pass "of 60 requests to $SENT_TO none reached web-3 ($(tally))"
