# Shared by this lab's checks; runs after the grader's helpers (in_node, in_netns, netns_file,
# fail, pass). Functions that fail end the check: call them directly, never inside $(...).

BRIDGE={{bridge}}
GATEWAY={{net.host(1)}}
PREFIX={{net.prefix}}
NET={{net}}
NODE_OUT={{out.host(1)}}
OUTSIDE={{out.host(10)}}
CONTAINERS="c1 c2"
declare -A ADDRESS=([c1]={{net.host(2)}} [c2]={{net.host(3)}})

# One reply within 2 s, probing every 0.2 s: tolerant of a first ARP miss, quick when it works.
ping_from_ns() { in_netns "$1" ping -q -n -c1 -i0.2 -w2 "$2" >/dev/null 2>&1; }

# Fails unless namespace $1 exists on the node.
need_netns() {
  in_netns "$1" true >/dev/null 2>&1 || fail "network namespace $1 does not exist: create it with ip netns add $1"
}

node_forwarding() { in_node cat /proc/sys/net/ipv4/ip_forward; }

# A web server of the grader's own (never a program of the node), run for this check only in
# namespace $1 on $2:$3. Each answer names a token drawn for this check and the client address
# the server saw, so an answer cannot be faked, nor be left over from an earlier check.
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

# The address the witness saw for a request from namespace $1 to http://$2/, or nothing if the
# request got no answer from the witness.
witness_saw() {
  in_netns "$1" curl -s --connect-timeout 2 -m 3 "http://$2/netdojo-$WITNESS_TOKEN" 2>/dev/null \
    | awk -v t="$WITNESS_TOKEN" '$1 == "netdojo-witness" && $2 == t { print $4 }'
}

# A TCP port of the given range that is unlikely to be in use: $1 + random.
random_port() { echo $(($1 + RANDOM % 10000)); }
