sample 60
if [ "$NONE" != 0 ] || [ "$WRONG" != 0 ]; then
  said="pod client sent 60 requests to $URL, each a new connection: $(tally)"
  [ "$(in_node cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null)" = 1 ] \
    || fail "$said. net.bridge.bridge-nf-call-iptables is not 1 any more: client and backends share cni0, so the backends' bridged replies are never translated back to the VIP"
  [ "$(in_node cat /proc/sys/net/ipv4/ip_forward)" = 1 ] || fail "$said. IP forwarding is off on the node: translated packets are never passed on to the pods"
  went=$(targets)
  untranslated=$(awk -v vip="$VIP" 'index($1, vip ":") == 1 { n += $2 } END { print n + 0 }' <<<"$went")
  [ "$untranslated" = 0 ] || fail "$said. conntrack on the node shows $untranslated of them not translated at all: no rule sends $VIP port 80 to the backends (iptables -t nat -S KUBE-SERVICES shows what the Service rule matches)"
  wrong=$(awk -v port={{port}} '{ split($1, t, ":") } t[2] != port { print $1 " (" $2 "x)" }' <<<"$went" | paste -sd, - | sed 's/,/, /g')
  [ -z "$wrong" ] || fail "$said. conntrack on the node shows connections translated to $wrong, where nothing listens: web-1 and web-2 serve on port {{port}}, the Service's targetPort (see /root/cluster/web-service.yaml and iptables -t nat -S)"
  fail "$said. $(awk '$1 == "none" { print "curl exit " $2 " for " $3; exit }' <<<"$REPLIES")"
fi
seen=$(awk -v c="$CLIENT" '$2 != c { print $1 " saw " $2; exit }' <<<"$REPLIES")
[ -z "$seen" ] || fail "pod client sent 60 requests to $URL and $seen instead of the client's own address $CLIENT: a ClusterIP only translates the destination; something on the node rewrites the source or proxies the connection"
if [ "$N1" -lt 15 ] || [ "$N2" -lt 15 ]; then
  fail "pod client sent 60 requests to $URL, each a new connection: $(tally); each of web-1 and web-2 must answer at least 15: the Service balances over both endpoints"
fi
pass "of 60 requests to $URL, web-1 answered $N1 and web-2 $N2, each seeing the client's own address $CLIENT"
