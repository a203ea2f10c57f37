sample 60
[ "$N_NONE" = 0 ] || fail "pod client sent $SENT_N requests to $SENT_TO, each a new connection: $(tally) $(why_none)"
if [ "$N_WEB1" -lt 15 ] || [ "$N_WEB2" -lt 15 ]; then
  fail "pod client sent $SENT_N requests to $SENT_TO, each a new connection: $(tally); each of web-1 and web-2 must answer at least 15: choose between them at random per connection (-m statistic --mode random --probability 0.5 on the first rule, the second taking the rest)"
fi
pass "of 60 requests to $SENT_TO, web-1 answered $N_WEB1 and web-2 $N_WEB2"
