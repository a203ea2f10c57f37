port=$(fresh_port)
sink=$(start_sink {{pods.host(2)}} "$port" in_netns {{pod}}) || fail "the check could not start its receiver on {{pods.host(2)}}:$port in {{pod}}"
if ! measure {{pods.host(2)}} "$port" in_node; then
  kill "$sink" 2>/dev/null
  fail "the node could not send $XFER_BYTES bytes to {{pod}} at {{pods.host(2)}}:$port within 8 s: $(tail -n 1 <<<"$MEASURE_ERROR"); traffic to the pod must stay unlimited"
fi
wait "$sink" 2>/dev/null
mbit=$(awk -v k="$RATE_KBIT" 'BEGIN { printf "%.2f", k / 1000 }')
[ "$RATE_KBIT" -ge 3000 ] \
  || fail "$XFER_BYTES bytes from the node to {{pod}} took $SECONDS_TAKEN s, $mbit Mbit/s: traffic *to* the pod is limited too, but only its egress should be; remove the shaping on that direction"
pass "$XFER_BYTES bytes from the node to {{pod}} took $SECONDS_TAKEN s ($mbit Mbit/s): only the pod's egress is limited"
