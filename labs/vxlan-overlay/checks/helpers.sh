# Shared by this lab's checks; runs after the grader's helpers (on_node, in_node, in_netns,
# node_file, fail, pass). Every tool here is the grader's own. Functions that switch nodes run
# in a subshell, so the caller's node stays what it was.

declare -A POD=([node01]={{pod1}} [node02]={{pod2}})
declare -A POD_IP=([node01]={{cidr1.host(2)}} [node02]={{cidr2.host(2)}})
declare -A CIDR=([node01]={{cidr1}} [node02]={{cidr2}})
declare -A OTHER=([node01]=node02 [node02]=node01)
PORT={{port}}
VNI=1
VXLAN_PORT=8472
# Outer IPv4 (20) + UDP (8) + VXLAN (8) + the inner Ethernet header (14).
VXLAN_OVERHEAD=50

# The node's own address on the node network (its eth0).
node_ip() {
  ( on_node "$1" >/dev/null && in_node ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[0].local // empty' )
}

# flannel.1 of node $1 as JSON, with its details (empty if it does not exist).
vtep_json() {
  ( on_node "$1" >/dev/null && in_node ip -d -s -j link show dev flannel.1 2>/dev/null | jq -c '.[0] // empty' )
}

mtu_of() { # node, namespace ("" for the node itself), device
  ( on_node "$1" >/dev/null || exit
    if [ -n "$2" ]; then in_netns "$2" ip -j link show dev "$3"; else in_node ip -j link show dev "$3"; fi 2>/dev/null | jq -r '.[0].mtu // empty' )
}

# What is wrong with flannel.1 on node $1 itself, or nothing.
vtep_problem() {
  local node=$1 link kind id port local_ip
  link=$(vtep_json "$node")
  [ -n "$link" ] || { echo "$node has no flannel.1 device: create a VXLAN device named flannel.1 (VNI $VNI, UDP port $VXLAN_PORT) on eth0"; return; }
  kind=$(jq -r '.linkinfo.info_kind // "plain"' <<<"$link")
  [ "$kind" = vxlan ] || { echo "flannel.1 on $node is a $kind device, not a VXLAN one: delete it and create it with type vxlan"; return; }
  id=$(jq -r '.linkinfo.info_data.id' <<<"$link")
  [ "$id" = "$VNI" ] || { echo "flannel.1 on $node has VNI $id: Flannel's flannel.1 is VNI $VNI, and both ends of the tunnel must use the same one"; return; }
  port=$(jq -r '.linkinfo.info_data.port' <<<"$link")
  [ "$port" = "$VXLAN_PORT" ] || { echo "flannel.1 on $node sends to UDP port $port: Flannel's VXLAN backend uses $VXLAN_PORT (the Linux default; 4789 is IANA's), and both ends must agree"; return; }
  local_ip=$(jq -r '.linkinfo.info_data.local // empty' <<<"$link")
  [ -z "$local_ip" ] || [ "$local_ip" = "$(node_ip "$node")" ] \
    || { echo "flannel.1 on $node sends from $local_ip, which is not $node's address $(node_ip "$node"): the peer would answer to the wrong place"; return; }
  jq -e '.flags | index("UP")' <<<"$link" >/dev/null || { echo "flannel.1 on $node is down: ip link set flannel.1 up"; return; }
}

# What is wrong with the forwarding entries of node $1's flannel.1 (they must name the other node).
fdb_problem() {
  local node=$1 other=${OTHER[$1]} peer entries
  peer=$(node_ip "$other")
  entries=$( on_node "$node" >/dev/null && in_node bridge -j fdb show dev flannel.1 2>/dev/null )
  jq -e --arg peer "$peer" 'any(.[]?; .dst == $peer)' <<<"${entries:-[]}" >/dev/null && return
  local others
  others=$(jq -r '[.[]? | .dst // empty] | unique | join(", ")' <<<"${entries:-[]}")
  if [ -n "$others" ]; then
    echo "flannel.1 on $node sends its frames to $others, but $other is $peer: point its forwarding entry (bridge fdb) at $other's address"
  else
    echo "flannel.1 on $node has no forwarding entry naming $other ($peer), so it does not know where to send the tunnel's frames: add one with bridge fdb (Flannel's: $other's VTEP MAC -> dst $peer), or give the device remote $peer"
  fi
}

# What is wrong with node $1's route to the other node's pods: it must lead into flannel.1.
route_problem() {
  local node=$1 other=${OTHER[$1]} route via dev default_gw
  route=$( on_node "$node" >/dev/null && in_node ip -j route get "${POD_IP[$other]}" from "${POD_IP[$node]}" iif cni0 2>/dev/null | jq -c '.[0] // empty' )
  [ -n "$route" ] || { echo "$node has no route to $other's pods (${CIDR[$other]}): route them through flannel.1"; return; }
  via=$(jq -r '.gateway // empty' <<<"$route")
  dev=$(jq -r '.dev // empty' <<<"$route")
  [ "$dev" = flannel.1 ] && return
  default_gw=$( on_node "$node" >/dev/null && in_node ip -j route show default | jq -r '.[0].gateway // empty' )
  if [ -n "$via" ] && [ "$via" = "$default_gw" ]; then
    echo "$node has no route to $other's pods (${CIDR[$other]}): it sends them to its default gateway $via; route ${CIDR[$other]} through flannel.1"
  elif [ "$dev" = eth0 ]; then
    echo "$node sends packets for ${CIDR[$other]} out of eth0${via:+ via $via}, a direct route that bypasses the tunnel: in this lab pod traffic crosses flannel.1, so route ${CIDR[$other]} through flannel.1 instead"
  else
    echo "$node sends packets for ${CIDR[$other]} out of $dev${via:+ via $via}, not into flannel.1: route them through flannel.1"
  fi
}

# What is wrong with the MTUs on node $1, or nothing: a pod packet must fit into flannel.1, and
# flannel.1's packets, once wrapped, into eth0.
mtu_problem() {
  local node=$1 eth vtep pod
  eth=$(mtu_of "$node" "" eth0)
  vtep=$(mtu_of "$node" "" flannel.1)
  pod=$(mtu_of "$node" "${POD[$node]}" eth0)
  [ -n "$eth" ] && [ -n "$vtep" ] && [ -n "$pod" ] || { echo "cannot read the MTUs of eth0, flannel.1 and ${POD[$node]}'s eth0 on $node"; return; }
  if [ "$vtep" -gt $((eth - VXLAN_OVERHEAD)) ]; then
    echo "flannel.1 on $node has MTU $vtep, but its packets travel wrapped in UDP over eth0 (MTU $eth) and VXLAN adds $VXLAN_OVERHEAD bytes: give flannel.1 an MTU of $((eth - VXLAN_OVERHEAD)) at most (ip link set flannel.1 mtu $((eth - VXLAN_OVERHEAD)))"
  elif [ "$pod" -gt "$vtep" ]; then
    echo "${POD[$node]}'s eth0 has MTU $pod, more than flannel.1's $vtep on $node: full-size pod packets do not fit through the tunnel; give the pod's eth0 an MTU of $vtep (Flannel hands FLANNEL_MTU to the CNI plugin for every pod)"
  fi
}

# The first thing that stops pod traffic through the tunnel (MTUs aside: small packets pass).
path_problem() {
  local problem node check
  for node in node01 node02; do
    for check in vtep_problem fdb_problem route_problem; do
      problem=$("$check" "$node"); [ -n "$problem" ] && { echo "$problem"; return; }
    done
  done
}

# A path no earlier request used, so that an old line of a server's log cannot answer for it.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# Fetches path $3 from the pod of node $2, out of the pod of node $1; prints the page.
fetch() {
  ( on_node "$1" >/dev/null && in_netns "${POD[$1]}" curl -sS --connect-timeout 2 -m 4 "http://${POD_IP[$2]}:$PORT$3" )
}

# Fetches like fetch, once more if the first try failed while the path looks right (a lost first
# packet is not the student's fault); prints the reason and returns 1 otherwise.
fetch_or_fail() {
  local from=$1 to=$2 path=$3 body problem
  body=$(fetch "$from" "$to" "$path" 2>&1) && { echo "$body"; return 0; }
  problem=$(path_problem)
  if [ -z "$problem" ]; then
    body=$(fetch "$from" "$to" "$path" 2>&1) && { echo "$body"; return 0; }
    problem="the tunnel looks right on both nodes, yet no answer came; tcpdump -ni eth0 udp port $VXLAN_PORT on both nodes shows where the packets stop"
  fi
  echo "${POD[$from]} on $from cannot reach ${POD[$to]} at ${POD_IP[$to]}:$PORT: $problem"
  return 1
}

# flannel.1's packet counters on both nodes: "node01-tx node01-rx node02-tx node02-rx".
counters() {
  local node link
  for node in node01 node02; do
    link=$(vtep_json "$node")
    if [ -n "$link" ]; then jq -r '"\(.stats64.tx.packets // 0) \(.stats64.rx.packets // 0)"' <<<"$link"; else echo "0 0"; fi
  done | tr '\n' ' '
}

# The client address the server in node $1's pod logged for path $2 (empty if none).
logged_client() {
  ( on_node "$1" >/dev/null && node_file "/var/log/netdojo/${POD[$1]}.log" ) | awk -v path="$2" '$2 == path { client = $1 } END { print client }'
}
