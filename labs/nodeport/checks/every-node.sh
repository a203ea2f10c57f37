ip1=$(node_ip node01) ip2=$(node_ip node02)
hit node01 http://$ip2:$PORT/ 10
if [ "$N_NONE" != 0 ]; then
  # Refused: node02's own (closed) port answered, so no rule caught the connection. Timed out: a
  # rule sent it on, and the reply never came back.
  if [ "$CODES" != 28 ]; then
    fail "$SENT (node02's address): $(got): no rule on node02 sends port $PORT to Service web. A NodePort opens on every node of the cluster, also on one that runs no pod of the Service: write the same rules on node02"
  fi
  fail "$SENT (node02's address): $(got). node02 took the connection (no refusal), but it sends the connection to a pod on node01 with node01's address still as its source, so the pod's reply goes straight back to node01 and never returns through node02 to be translated: masquerade NodePort traffic on node02 (kube-proxy marks it and MASQUERADEs in POSTROUTING)"
fi
first=$SENT firstgot=$(got)
hit node02 http://$ip1:$PORT/ 10
[ "$N_NONE" = 0 ] || fail "$SENT (node01's address): $(got); port $PORT of node01 must answer connections from other nodes (nat PREROUTING, for every local address of node01)"
pass "$first (node02): $firstgot; and from node02 to node01: $(got)"
