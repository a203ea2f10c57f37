sample 60
[ "$N_NONE" = 0 ] || fail "pod client sent $SENT_N requests to $SENT_TO, each a new connection: $(tally) $(why_none)"
seen=$(awk '{ print $2 }' <<<"$ANSWERS" | sort -u | paste -sd, -)
[ "$seen" = "$CLIENT" ] || fail "pod client ($CLIENT) sent $SENT_N requests to $SENT_TO and the backends saw them come from $seen: IPVS masquerading rewrites only the destination; something else translates the source"
if [ "$N_WEB1" -lt 15 ] || [ "$N_WEB2" -lt 15 ]; then
  fail "pod client sent $SENT_N requests to $SENT_TO, each a new connection: $(tally); round robin over web-1 and web-2 gives each about 30"
fi
pass "of 60 requests to $SENT_TO, web-1 answered $N_WEB1 and web-2 $N_WEB2, each seeing the client's own address"
