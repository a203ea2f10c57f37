# Shared by this lab's checks; runs after the grader's helpers (on_node, in_node, in_netns,
# node_file, fail, pass). Every tool here is the grader's own: the BGP daemons are judged by the
# kernel state and the sessions they leave, never by asking them. Functions that switch nodes
# run in a subshell, so the caller's node stays what it was.

NODES=(node01 node02 node03)
declare -A POD=([node01]={{pod1}} [node02]={{pod2}} [node03]={{pod3}})
declare -A POD_IP=([node01]={{cidr1.host(2)}} [node02]={{cidr2.host(2)}} [node03]={{cidr3.host(2)}})
declare -A CIDR=([node01]={{cidr1}} [node02]={{cidr2}} [node03]={{cidr3}})
PORT={{port}}
# Route protocols of routing daemons (/etc/iproute2/rt_protos), by name and by number:
# zebra (11), bird (12), bgp (186, what FRR's zebra gives BGP routes).
BGP_PROTOCOLS=" zebra bird bgp 11 12 186 "

# Each node's own address on the node network (its eth0), read once per check.
declare -A NODE_IP=()
for node in "${NODES[@]}"; do
  NODE_IP[$node]=$( on_node "$node" >/dev/null && in_node ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[0].local // empty' )
done
node_ip() { echo "${NODE_IP[$1]}"; }

# The node whose eth0 address is $1 (empty if none).
node_named_by() {
  local node
  for node in "${NODES[@]}"; do [ "${NODE_IP[$node]}" = "$1" ] && { echo "$node"; return; }; done
}

others_of() {
  local node
  for node in "${NODES[@]}"; do [ "$node" = "$1" ] || echo "$node"; done
}

# The nodes node $1 has an established BGP session with (TCP port 179, on either side). The
# peer's address is the last column, possibly as [::ffff:a.b.c.d]:port from a dual-stack socket.
bgp_peers() {
  local address
  for address in $( on_node "$1" >/dev/null && in_node ss -Htn state established '( sport = :179 or dport = :179 )' \
      | awk '{ peer = $NF; sub(/:[0-9]+$/, "", peer); gsub(/[][]/, "", peer); sub(/^::ffff:/, "", peer); sub(/%.*/, "", peer); print peer }' ); do
    node_named_by "$address"
  done | sort -u
}

bgp_listening() {
  ( on_node "$1" >/dev/null && in_node ss -Hltn 'sport = :179' ) | grep -q .
}

# The route of node $1's main table that decides where $2 goes: the longest prefix covering it,
# the lowest metric among equals, as JSON (empty if only a default route or nothing covers it).
deciding_route() {
  ( on_node "$1" >/dev/null && in_node ip -j route show table main match "$2" ) | jq -c '
    map(select(.dst != "default") | . + {len: (if (.dst | contains("/")) then (.dst | split("/")[1] | tonumber) else 32 end)})
    | sort_by(-.len, (.metric // 0)) | .[0] // empty'
}

# A route of node $1 to node $2's pods that the BGP daemon did not install, as "dst protocol".
static_route() {
  local route
  route=$(deciding_route "$1" "${POD_IP[$2]}")
  [ -n "$route" ] || return 0
  case $BGP_PROTOCOLS in *" $(jq -r '.protocol // "boot"' <<<"$route") "*) return 0 ;; esac
  jq -r '"\(.dst) \(.protocol // "boot")"' <<<"$route"
}

# What is wrong with node $1's route to node $2's pods, or nothing: it must come from BGP and
# lead to node $2, the owner of the pod CIDR.
route_problem() {
  local node=$1 owner=$2 route dst type gateway owner_ip from
  owner_ip=$(node_ip "$owner")
  route=$(deciding_route "$node" "${POD_IP[$owner]}")
  if [ -z "$route" ]; then
    # A daemon prefers its own announcement to a learned one: a node that claims another's pod
    # CIDR has no route to it, while the third node routes that CIDR to the claimant.
    local third
    for third in $(others_of "$node"); do
      [ "$third" = "$owner" ] && continue
      if [ "$(deciding_route "$third" "${POD_IP[$owner]}" | jq -r '.gateway // empty')" = "$(node_ip "$node")" ]; then
        echo "$node itself announces $owner's pod CIDR ${CIDR[$owner]} ($third routes it via $node), so it never installs the route $owner announces: announce only $node's own ${CIDR[$node]}"
        return
      fi
    done
    echo "$node has no route to $owner's pods (${CIDR[$owner]}): either $owner does not announce its pod CIDR to $node, or $node's daemon does not install what it learns into the kernel (BIRD: a kernel protocol exporting the BGP routes)"
    return
  fi
  dst=$(jq -r .dst <<<"$route")
  type=$(jq -r '.type // "unicast"' <<<"$route")
  gateway=$(jq -r '.gateway // empty' <<<"$route")
  case $BGP_PROTOCOLS in
    *" $(jq -r '.protocol // "boot"' <<<"$route") "*) ;;
    *) echo "on $node the route to $dst is $(static_words "$route"), not learned by BGP: delete it (ip route del $dst) and let the BGP daemon install the route $owner announces"; return ;;
  esac
  if [ "$type" != unicast ]; then
    echo "$node learned $dst by BGP but installed it as $type: the daemon could not resolve the next hop $owner_ip (BIRD: add direct; to the bgp protocols, or a protocol direct for eth0)"
  elif [ "$gateway" != "$owner_ip" ]; then
    from=$(node_named_by "$gateway")
    echo "$node reaches ${POD[$owner]} (${POD_IP[$owner]}) through $dst via ${from:-$gateway}${from:+ ($gateway)}, learned by BGP, but ${CIDR[$owner]} belongs to $owner ($owner_ip): each node must announce its own pod CIDR only, never a range that overlaps another node's"
  fi
}

# "static (proto boot)" for routes typed by hand, "proto X" for the rest.
static_words() {
  local protocol
  protocol=$(jq -r '.protocol // "boot"' <<<"$1")
  case $protocol in boot|static|3|4) echo "static (proto $protocol)" ;; *) echo "installed by proto $protocol" ;; esac
}

# The first thing that stops pod traffic between the nodes.
path_problem() {
  local node owner problem
  for node in "${NODES[@]}"; do
    for owner in $(others_of "$node"); do
      # A static route moves packets as well as a learned one; only missing or wrong ones stop them.
      [ -n "$(static_route "$node" "$owner")" ] && continue
      problem=$(route_problem "$node" "$owner"); [ -n "$problem" ] && { echo "$problem"; return; }
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
    problem="the routes look right on every node, yet no answer came; tcpdump -ni eth0 host ${POD_IP[$from]} on the nodes shows where the packets stop"
  fi
  echo "${POD[$from]} on $from cannot reach ${POD[$to]} at ${POD_IP[$to]}:$PORT: $problem"
  return 1
}

# The client address the server in node $1's pod logged for path $2 (empty if none).
logged_client() {
  ( on_node "$1" >/dev/null && node_file "/var/log/netdojo/${POD[$1]}.log" ) | awk -v path="$2" '$2 == path { client = $1 } END { print client }'
}
