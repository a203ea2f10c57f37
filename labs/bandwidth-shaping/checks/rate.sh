port=$(fresh_port)
sink=$(start_sink {{pods.host(1)}} "$port" in_node) || fail "the check could not start its receiver on {{pods.host(1)}}:$port in the node (is cni0 still {{pods.host(1)}}?)"
if ! measure {{pods.host(1)}} "$port" in_netns {{pod}}; then
  kill "$sink" 2>/dev/null
  case $MEASURE_ERROR in
    "no answer within 8 s") fail "sending $XFER_BYTES bytes from {{pod}} to {{pods.host(1)}}:$port did not finish within 8 s: that is under 0.26 Mbit/s, far below the 1 Mbit/s limit; raise the rate" ;;
    *) fail "{{pod}} could not send $XFER_BYTES bytes to the node at {{pods.host(1)}}:$port ($(tail -n 1 <<<"$MEASURE_ERROR")): is the pod still attached to cni0, and is the shaper's burst at least one full packet?" ;;
  esac
fi
wait "$sink" 2>/dev/null
mbit=$(awk -v k="$RATE_KBIT" 'BEGIN { printf "%.2f", k / 1000 }')
what="$XFER_BYTES bytes from {{pod}} to the node took $SECONDS_TAKEN s, $mbit Mbit/s"
# 1 Mbit/s, with room for a token bucket's burst and TCP's overhead; 10 Mbit/s is far outside.
if [ "$RATE_KBIT" -gt 1500 ]; then
  # tc -j gives a tbf's rate in bytes per second: 1mbit is 125000, 1mbps (megabytes) 1000000.
  configured=$(qdiscs_json {{pod}} eth0 | jq -r '[.[] | select(.kind == "tbf") | .options.rate][0] // empty')
  [ "$configured" = 1000000 ] \
    && fail "$what: the tbf on eth0 in {{pod}} is set to 1mbps, and in tc mbps means megabytes per second (8 Mbit/s); 1 Mbit/s is 1mbit"
  fail "$what: expected about 1 Mbit/s (0.6 to 1.5). the pod's egress is not limited to 1 Mbit/s (a burst much larger than the rate needs also lets the start of a transfer through unshaped)"
fi
[ "$RATE_KBIT" -ge 600 ] || fail "$what: below the 1 Mbit/s the pod may use (0.6 to 1.5 are accepted); is the rate set lower than 1mbit?"
pass "$what: the pod's egress is limited to about 1 Mbit/s"
