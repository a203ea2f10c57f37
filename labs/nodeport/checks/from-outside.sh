hit outside http://{{out.host(1)}}:$PORT/ 20
[ "$N_NONE" = 0 ] || fail "$SENT: $(got). Connections from outside enter node01 and pass the nat PREROUTING chain: send TCP port $PORT of the node's addresses to Service web there (jump to KUBE-SVC-WEB, or DNAT to both pods)"
[ "$N_WEB1" -gt 0 ] && [ "$N_WEB2" -gt 0 ] || fail "$SENT: $(got); the NodePort leads to Service web, balanced over both pods: jump to its KUBE-SVC-WEB chain instead of naming one pod"
pass "$SENT: $(got)"
