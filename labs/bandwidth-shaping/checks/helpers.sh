# Functions shared by this lab's checks (after the grader's in_node, in_netns, fail). Both ends
# of every measured transfer are the grader's own python, entered into the namespaces.

# One program, two roles. "sink ADDRESS PORT": accept one connection, read to its end, answer
# with the byte count. "send ADDRESS PORT BYTES": send that many bytes, close the sending side,
# wait for the count, print "BYTES SECONDS" (from connect to the count's arrival).
XFER='
import socket, sys, time
role, address, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
if role == "sink":
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((address, port))
    server.listen(1)
    print("listening", flush=True)
    conn, _ = server.accept()
    total = 0
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            break
        total += len(chunk)
    conn.sendall(b"%d\n" % total)
    conn.close()
else:
    size = int(sys.argv[4])
    started = time.monotonic()
    conn = socket.create_connection((address, port), timeout=3)
    conn.settimeout(None)
    block = b"x" * 16384
    left = size
    while left > 0:
        conn.sendall(block[:min(left, len(block))])
        left -= min(left, len(block))
    conn.shutdown(socket.SHUT_WR)
    answer = conn.makefile().readline().strip()
    print(answer, "%.3f" % (time.monotonic() - started))
'

# How much each measured transfer sends: 256 KiB takes about 2 s at 1 Mbit/s.
XFER_BYTES=262144

# Runs the sink on $1:$2 under "$@" (a prefix such as "in_node" or "in_netns POD") in the
# background, and waits until it listens. Prints the sink's PID.
start_sink() {
  local address=$1 port=$2 out
  shift 2
  out=$(mktemp)
  "$@" timeout 12 python3 -c "$XFER" sink "$address" "$port" >"$out" 2>&1 &
  local pid=$!
  for _ in $(seq 50); do
    grep -q listening "$out" && { rm -f "$out"; echo "$pid"; return 0; }
    sleep 0.05
  done
  rm -f "$out"
  return 1
}

# Measures a transfer of XFER_BYTES from "$@" (the sender's prefix) to a sink at $1:$2 that
# start_sink started. Sets RATE_KBIT (kbit/s, an integer) and SECONDS_TAKEN, or returns 1
# with MEASURE_ERROR saying what went wrong.
measure() {
  local address=$1 port=$2 result bytes
  shift 2
  local rc=0
  result=$("$@" timeout 8 python3 -c "$XFER" send "$address" "$port" "$XFER_BYTES" 2>&1) || rc=$?
  if [ "$rc" = 124 ]; then MEASURE_ERROR="no answer within 8 s"; return 1; fi
  [ "$rc" = 0 ] || { MEASURE_ERROR=${result:-"the sender exited $rc"}; return 1; }
  read -r bytes SECONDS_TAKEN <<<"$result"
  [ "$bytes" = "$XFER_BYTES" ] || { MEASURE_ERROR="the sink received ${bytes:-nothing} of $XFER_BYTES bytes"; return 1; }
  RATE_KBIT=$(awk -v b="$bytes" -v s="$SECONDS_TAKEN" 'BEGIN { printf "%d", b * 8 / s / 1000 }')
}

# A port for this check's sink, unlikely to be in use.
fresh_port() {
  echo $((40000 + RANDOM % 20000))
}

# Traffic control of device $2 in namespace $1 ("node" for the node's own), as JSON.
qdiscs_json() {
  if [ "$1" = node ]; then in_node tc -j qdisc show dev "$2" 2>/dev/null; else in_netns "$1" tc -j qdisc show dev "$2" 2>/dev/null; fi
}
