# Shared by this lab's checks, after the grader's helpers (on_node, in_node, in_netns, node_file,
# fail, pass); every tool is the grader's own. Functions that switch nodes do it in a subshell,
# so that the caller's node stays what it was.

declare -A POD=([node01]={{pod1}} [node02]={{pod2}})
declare -A POD_IP=([node01]={{cidr1.host(2)}} [node02]={{cidr2.host(2)}})
declare -A GATEWAY=([node01]={{cidr1.host(1)}} [node02]={{cidr2.host(1)}})
declare -A CIDR=([node01]={{cidr1}} [node02]={{cidr2}})
declare -A OTHER=([node01]=node02 [node02]=node01)
PORT={{port}}

# The address of node $1 on the node network (its eth0).
node_ip() {
  ( on_node "$1" >/dev/null && in_node ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[0].local // empty' )
}

# A request path no earlier request used, so an old log line cannot answer for a new check.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# Why node $1 would not pass pod packets on, or nothing. IPv4 forwarding is decided by the
# interface a packet arrives on, so cni0 (pod to wire) and eth0 (wire to pod) both need it.
forwarding_problem() {
  (
    on_node "$1" >/dev/null || exit 0
    global=$(in_node cat /proc/sys/net/ipv4/ip_forward)
    if [ "$global" != 1 ]; then
      echo "IP forwarding is off on $1 (net.ipv4.ip_forward = $global): it drops pod packets instead of passing them between cni0 and eth0"
      exit 0
    fi
    for dev in eth0 cni0; do
      value=$(in_node cat "/proc/sys/net/ipv4/conf/$dev/forwarding" 2>/dev/null) \
        || { echo "$1 has no $dev any more"; exit 0; }
      [ "$value" = 1 ] && continue
      echo "on $1, net.ipv4.ip_forward is 1 but net.ipv4.conf.$dev.forwarding is $value: packets arriving on $dev are not forwarded (writing 1 to ip_forward again changes nothing while it is already 1)"
      exit 0
    done
  )
}

# Why node $1 would not send pod packets for the other node's pods to that node, or nothing.
route_problem() {
  local node=$1 other=${OTHER[$1]} peer route via dev
  peer=$(node_ip "$other")
  route=$( on_node "$node" >/dev/null && in_node ip -j route get "${POD_IP[$other]}" from "${POD_IP[$node]}" iif cni0 2>/dev/null | jq -c '.[0] // empty' )
  if [ -z "$route" ]; then
    echo "$node has no route to $other's pods (${CIDR[$other]})"
    return
  fi
  via=$(jq -r '.gateway // empty' <<<"$route")
  dev=$(jq -r '.dev // empty' <<<"$route")
  if [ "$(jq -r '.type // "unicast"' <<<"$route")" != unicast ]; then
    echo "$node's route to ${CIDR[$other]} is of type $(jq -r .type <<<"$route"): it drops the packets"
  elif [ -z "$via" ]; then
    echo "$node sends ${POD_IP[$other]} straight out of $dev as if $other's pods were on that link, with no next hop"
  elif [ "$via" != "$peer" ] && [ "$via" = "$( on_node "$node" >/dev/null && in_node ip -j route show default | jq -r '.[0].gateway // empty' )" ]; then
    echo "$node has no route to $other's pods (${CIDR[$other]}): it sends ${POD_IP[$other]} to its default gateway $via, which knows nothing of pod addresses"
  elif [ "$via" != "$peer" ] || [ "$dev" != eth0 ]; then
    echo "$node routes ${POD_IP[$other]} via $via (dev $dev), but the node that owns ${CIDR[$other]} is $other, $peer on eth0"
  fi
}

# The first fault a pod packet meets on its round trip, or nothing.
path_problem() {
  local node problem
  for node in node01 node02; do
    problem=$(forwarding_problem "$node"); [ -n "$problem" ] && { echo "$problem"; return; }
    problem=$(route_problem "$node"); [ -n "$problem" ] && { echo "$problem"; return; }
  done
}

# GET path $3 from the pod of node $2, sent from the pod of node $1; prints the answer.
fetch() {
  ( on_node "$1" >/dev/null && in_netns "${POD[$1]}" curl -sS --connect-timeout 2 -m 4 "http://${POD_IP[$2]}:$PORT$3" )
}

# The client address that the server in the pod of node $1 logged for path $2 (empty if none).
logged_client() {
  ( on_node "$1" >/dev/null && node_file "/var/log/netdojo/${POD[$1]}.log" ) | awk -v path="$2" '$2 == path { client = $1 } END { print client }'
}
