# Shared by this lab's checks; runs after the grader's helpers (on_node, in_node, in_netns,
# node_file, fail, pass). Every tool here is the grader's own. Functions that switch nodes run
# in a subshell, so the caller's node stays what it was.

declare -A POD=([node01]={{pod1}} [node02]={{pod2}})
declare -A POD_IP=([node01]={{cidr1.host(2)}} [node02]={{cidr2.host(2)}})
declare -A CIDR=([node01]={{cidr1}} [node02]={{cidr2}})
declare -A OTHER=([node01]=node02 [node02]=node01)
PORT={{port}}

# The node's own address on the node network (its eth0).
node_ip() {
  ( on_node "$1" >/dev/null && in_node ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[0].local // empty' )
}

# A path no earlier request used, so that an old line of a server's log cannot answer for it.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# What is wrong with forwarding on node $1, or nothing. Forwarding is decided per interface (the
# one a packet arrives on), so both of the node's interfaces on the pods' path must have it.
forwarding_problem() {
  (
    on_node "$1" >/dev/null || exit 0
    for dev in cni0 eth0; do
      value=$(in_node cat "/proc/sys/net/ipv4/conf/$dev/forwarding" 2>/dev/null) \
        || { echo "$1 has no $dev any more: reset the lab to get it back"; exit 0; }
      if [ "$value" != 1 ]; then
        echo "IP forwarding is off on $1 (net.ipv4.ip_forward = $(in_node cat /proc/sys/net/ipv4/ip_forward)): it drops the pod packets it should pass between cni0 and eth0; turn it on with sysctl -w net.ipv4.ip_forward=1 on $1"
        exit 0
      fi
    done
  )
}

# What is wrong with node $1's way to the other node's pods, or nothing: the route the kernel
# picks for a pod packet arriving on cni0 must lead to the other node's address.
route_problem() {
  local node=$1 other=${OTHER[$1]} peer route via dev default_gw
  peer=$(node_ip "$other")
  route=$( on_node "$node" >/dev/null && in_node ip -j route get "${POD_IP[$other]}" from "${POD_IP[$node]}" iif cni0 2>/dev/null | jq -c '.[0] // empty' )
  if [ -z "$route" ]; then
    echo "$node has no route to $other's pods (${CIDR[$other]}): add one via $other's address $peer"
    return
  fi
  via=$(jq -r '.gateway // empty' <<<"$route")
  dev=$(jq -r '.dev // empty' <<<"$route")
  default_gw=$( on_node "$node" >/dev/null && in_node ip -j route show default | jq -r '.[0].gateway // empty' )
  case $(jq -r '.type // "unicast"' <<<"$route") in
    unicast) ;;
    *) echo "$node's route to ${CIDR[$other]} is of type $(jq -r .type <<<"$route"): packets for $other's pods are dropped there; route ${CIDR[$other]} via $peer"; return ;;
  esac
  if [ -z "$via" ]; then
    echo "$node sends ${POD_IP[$other]} straight out of $dev, as if $other's pods were on that link: route ${CIDR[$other]} via $other's address $peer"
  elif [ "$via" = "$peer" ] && [ "$dev" = eth0 ]; then
    :
  elif [ "$via" = "$default_gw" ]; then
    echo "$node has no route to $other's pods (${CIDR[$other]}): it sends them to its default gateway $via, which knows nothing about pods; add a route to ${CIDR[$other]} via $other's address $peer"
  else
    echo "$node routes ${POD_IP[$other]} via $via (dev $dev), but $other, which owns ${CIDR[$other]}, is $peer on eth0"
  fi
}

# The first thing that stops pod traffic between the nodes, in the order a packet meets it.
path_problem() {
  local problem node
  for node in node01 node02; do
    problem=$(forwarding_problem "$node"); [ -n "$problem" ] && { echo "$problem"; return; }
    problem=$(route_problem "$node"); [ -n "$problem" ] && { echo "$problem"; return; }
  done
}

# Fetches path $3 from the pod of node $2, out of the pod of node $1; prints the page.
fetch() {
  ( on_node "$1" >/dev/null && in_netns "${POD[$1]}" curl -sS --connect-timeout 2 -m 4 "http://${POD_IP[$2]}:$PORT$3" )
}

# Fetches like fetch, once more if the first try failed while the path looks right (a lost first
# packet is not the student's fault); fails the check with the reason otherwise.
fetch_or_fail() {
  local from=$1 to=$2 path=$3 body problem
  body=$(fetch "$from" "$to" "$path" 2>&1) && { echo "$body"; return 0; }
  problem=$(path_problem)
  if [ -z "$problem" ]; then
    body=$(fetch "$from" "$to" "$path" 2>&1) && { echo "$body"; return 0; }
    problem="the routes and forwarding look right, yet no answer came; tcpdump -ni eth0 host ${POD_IP[$from]} on both nodes shows where the packets stop"
  fi
  echo "${POD[$from]} on $from cannot reach ${POD[$to]} at ${POD_IP[$to]}:$PORT: $problem"
  return 1
}

# The client address the server in node $1's pod logged for path $2 (empty if none).
logged_client() {
  ( on_node "$1" >/dev/null && node_file "/var/log/netdojo/${POD[$1]}.log" ) | awk -v path="$2" '$2 == path { client = $1 } END { print client }'
}
