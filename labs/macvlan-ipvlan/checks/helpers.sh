# Shared by this lab's checks; runs after the grader's helpers (in_node, in_netns, netns_file,
# on_node, fail, pass). Functions that fail end the check: call them directly, never inside $(...).
# Every check starts on node01, where mv1 and iv1 live; node02 is the other machine on the LAN.

LAN={{lan}}
PREFIX={{lan.prefix}}
NODE01_LAN={{lan.host(1)}}
NODE02_LAN={{lan.host(2)}}
MV_ADDRESS={{lan.host(10)}}
IV_ADDRESS={{lan.host(20)}}

# Fails unless namespace $1 exists on node01.
need_netns() {
  in_netns "$1" true >/dev/null 2>&1 || fail "network namespace $1 does not exist on node01: create it with ip netns add $1"
}

# One reply within 2 s, probing every 0.2 s: tolerant of a first ARP miss, quick when it works.
ping_from_ns() { in_netns "$1" ping -q -n -c1 -i0.2 -w2 "$2" >/dev/null 2>&1; }

# node01's eth0 as JSON, read in node01's own namespace.
parent_link() { in_node ip -j -d link show dev eth0 | jq -c '.[0]'; }

# The interface of namespace $1 (on node01) that holds address $2, as JSON with its addresses
# and link details, or nothing.
link_with_address() {
  in_netns "$1" ip -j -d addr show 2>/dev/null \
    | jq -c --arg a "$2" 'first(.[] | select(any(.addr_info[]?; .family == "inet" and .local == $a))) // empty'
}

# Checks that namespace $1 holds address $2/PREFIX on a child of kind $3 (macvlan or ipvlan)
# of node01's eth0, up; sets CHILD to its JSON. Fails saying what is wrong otherwise.
need_child() {
  local ns=$1 address=$2 want=$3 links has ifname length kind parent elsewhere
  need_netns "$ns"
  CHILD=$(link_with_address "$ns" "$address")
  if [ -z "$CHILD" ]; then
    elsewhere=$(in_node ip -j addr show | jq -r --arg a "$address" 'first(.[] | select(any(.addr_info[]?; .family == "inet" and .local == $a)) | .ifname) // empty')
    [ -z "$elsewhere" ] || fail "$address is on $elsewhere in node01's own namespace, not in $ns: move the $want child into $ns (ip link set $elsewhere netns $ns) and address it there"
    links=$(in_netns "$ns" ip -j addr show)
    has=$(jq -r '[.[] | .ifname as $i | .addr_info[]? | select(.family == "inet" and .local != "127.0.0.1") | "\(.local)/\(.prefixlen) on \($i)"] | join(", ")' <<<"$links")
    fail "expected $address/$PREFIX on a $want child of eth0 in $ns; $ns has ${has:-no IPv4 address}"
  fi
  ifname=$(jq -r '.ifname' <<<"$CHILD")
  length=$(jq -r --arg a "$address" '.addr_info[] | select(.family == "inet" and .local == $a) | .prefixlen' <<<"$CHILD")
  [ "$length" = "$PREFIX" ] || fail "expected $address/$PREFIX on $ifname in $ns, found $address/$length: with the LAN's /$PREFIX, $ns finds node02 on its own link"
  kind=$(jq -r '.linkinfo.info_kind // "plain"' <<<"$CHILD")
  [ "$kind" = "$want" ] || fail "$address in $ns is on $ifname, of kind $kind; it must be of kind $want, a child of eth0: create it with ip link add NAME link eth0 type $want, then move it into $ns"
  parent=$(parent_link)
  jq -e --argjson p "$parent" 'has("link_netnsid") and .link_index == $p.ifindex' <<<"$CHILD" >/dev/null \
    || fail "$ifname in $ns is a $want child of another interface, not of node01's eth0: create it with link eth0"
  jq -e 'any(.flags[]; . == "UP")' <<<"$CHILD" >/dev/null || fail "$ifname in $ns is down: set it up"
  jq -e 'any(.flags[]; . == "LOWER_UP")' <<<"$CHILD" >/dev/null || fail "$ifname in $ns is up but has no carrier: is node01's eth0 up?"
}

# A web server of the grader's own (never a program of a node), run for this check only in
# namespace $1 of node01 on $2:$3. Each answer names a token drawn for this check and the client
# address the server saw, so an answer cannot be faked, nor be left over from an earlier check.
WITNESS_TOKEN=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
WITNESS_PIDS=''
WITNESS_PY='
import socket, sys
address, port, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind((address, port))
server.listen(16)
print("ready", flush=True)
while True:
    conn, peer = server.accept()
    conn.settimeout(2)
    try:
        conn.recv(4096)
        body = ("netdojo-witness %s saw %s\n" % (token, peer[0])).encode()
        conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
    except OSError:
        pass
    conn.close()
'
trap 'for p in $WITNESS_PIDS; do kill "$p" 2>/dev/null; done' EXIT

start_witness() {
  local ns=$1 address=$2 port=$3 nsfile out pid
  nsfile=$(netns_file "$ns") || fail "$nsfile"
  out=$(mktemp)
  nsenter --net="$nsfile" -- python3 -c "$WITNESS_PY" "$address" "$port" "$WITNESS_TOKEN" >"$out" 2>&1 &
  pid=$!
  WITNESS_PIDS="$WITNESS_PIDS $pid"
  # Up to ~8 s: python starts in a few tens of ms, but a busy machine can be much slower.
  for _ in $(seq 250); do
    grep -q '^ready' "$out" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.03
  done
  fail "the check could not start its test server in $ns on $address:$port ($(tail -n 1 "$out")); try again"
}

# The client address the witness saw for a request from the current node's own namespace
# to http://$1/, or nothing if no answer came from the witness.
witness_saw_from_node() {
  in_node curl -s --connect-timeout 2 -m 3 "http://$1/netdojo-$WITNESS_TOKEN" 2>/dev/null \
    | awk -v t="$WITNESS_TOKEN" '$1 == "netdojo-witness" && $2 == t { print $4 }'
}

random_port() { echo $(($1 + RANDOM % 10000)); }

# Proves that node02 reaches address $2 in namespace $1 of node01 by a TCP connection the
# witness answers, with node02's own address as the client (nothing translated in between),
# and that node02 learned MAC $3 for it: the MAC the frames were really sent to. Ends on node01.
reach_from_node02() {
  local ns=$1 address=$2 mac=$3 what=$4 port saw learned
  port=$(random_port 20000)
  start_witness "$ns" "$address" "$port"
  on_node node02 || fail "this run has no node02"
  # An old neighbour entry would name whatever answered before; node02 must ask again.
  in_node ip neigh flush to "$address" dev eth0 >/dev/null 2>&1
  saw=$(witness_saw_from_node "$address:$port")
  if [ -z "$saw" ]; then on_node node01; return 1; fi
  [ "$saw" = "$NODE02_LAN" ] || fail "the test server in $ns saw node02 as $saw, not $NODE02_LAN: something translates addresses between them; $ns must be on the LAN itself"
  learned=$(in_node ip -j neigh show to "$address" dev eth0 | jq -r '.[0].lladdr // empty')
  if [ "$learned" != "$mac" ]; then
    on_node node01
    fail "node02 reached $address at MAC ${learned:-unknown}, expected $mac ($what): the frames do not go to the $ns child itself"
  fi
  on_node node01
}
