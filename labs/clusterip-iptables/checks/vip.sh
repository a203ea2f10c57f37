holder=$(in_node ip -j addr show | jq -r --arg vip "$VIP" '.[] | select(any(.addr_info[]; .local == $vip)) | .ifname' | head -n1)
[ -z "$holder" ] || fail "$VIP is an address of $holder on the node: a ClusterIP is held by no interface, only by NAT rules; remove it (ip addr del $VIP/32 dev $holder) and translate the destination instead"
sample 10
[ "$ANSWERED" -gt 0 ] || fail "pod client sent $SENT_N requests to $SENT_TO and none was answered $(why_none)"
seen=$(awk '$1 != "none" { print $2 }' <<<"$ANSWERS" | sort -u | paste -sd, -)
[ "$seen" = "$CLIENT" ] || fail "pod client ($CLIENT) sent $SENT_N requests to $SENT_TO and the backends saw them come from $seen: something on the node relays them (a proxy, or SNAT); a ClusterIP only rewrites the destination, so that the pod sees its client's own address"
[ "$N_NONE" = 0 ] || fail "pod client sent $SENT_N requests to $SENT_TO: $(tally) $(why_none)"
pass "pod client's requests to $SENT_TO reach the backends with its own address ($CLIENT), and no interface holds $VIP"
