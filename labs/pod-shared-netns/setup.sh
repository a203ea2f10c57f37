# The runtime's and the CNI plugin's part of starting two pods (module 4): a namespace per pod,
# pinned under /run/netns, wired by a veth pair to the bridge cni0 with an address and a default
# route, loopback up. pod {{pod2}} also has its pause process running; {{pod1}}'s is the
# student's first task. The "container images" are three small programs in /usr/local/bin.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up
attach() {
  local pod=$1 address=$2
  ip netns add "$pod"
  ip link add "veth-$pod" type veth peer name eth0 netns "$pod"
  ip link set "veth-$pod" master cni0 up
  ip -n "$pod" addr add "$address/{{pods.prefix}}" dev eth0
  ip -n "$pod" link set lo up
  ip -n "$pod" link set eth0 up
  ip -n "$pod" route add default via {{pods.host(1)}}
}
attach {{pod1}} {{pods.host(2)}}
attach {{pod2}} {{pods.host(3)}}

mkdir -p /var/log/pods

# The pause container's whole job: exist, and keep the pod's namespaces alive, until told to stop.
cat > /usr/local/bin/pause <<'PY'
#!/usr/bin/python3
import signal, sys
for sig in (signal.SIGTERM, signal.SIGINT):
    signal.signal(sig, lambda *_: sys.exit(0))
while True:
    signal.pause()
PY

# The app: answers every GET with its name, the client address it saw and the path, so that a
# request through the sidecar shows where the sidecar came from. Each start, and each failure
# to listen, is logged with the network namespace the process was in.
cat > /usr/local/bin/podapp <<'PY'
#!/usr/bin/python3
"""podapp NAME PORT [ADDRESS]: a tiny HTTP app; logs to /var/log/pods/NAME.log."""
import os, socketserver, sys, time
from http.server import BaseHTTPRequestHandler

if len(sys.argv) not in (3, 4):
    sys.exit(__doc__)
name, port = sys.argv[1], int(sys.argv[2])
address = sys.argv[3] if len(sys.argv) == 4 else "0.0.0.0"
netns = os.stat("/proc/self/ns/net").st_ino
log = open("/var/log/pods/%s.log" % name, "a", buffering=1)

def record(event):
    log.write("%s %s pid=%d netns=%d listen=%s:%d %s\n"
              % (time.strftime("%Y-%m-%dT%H:%M:%S"), name, os.getpid(), netns, address, port, event))

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("%s: you are %s, you asked for %s\n" % (name, self.client_address[0], self.path)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

# SO_REUSEADDR lets a restarted app listen despite old connections in TIME_WAIT; it never lets
# two sockets listen on one port, so the port conflict stays real.
class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

try:
    server = Server((address, port), Handler)
except OSError as err:
    record('failed: "%s"' % err)
    sys.exit("%s: cannot listen on %s:%d: %s" % (name, address, port, err))
record("listening")
server.serve_forever()
PY

# The sidecar: a small proxy in front of the app, the way a service mesh's proxy sits in a pod.
cat > /usr/local/bin/sidecar <<'PY'
#!/usr/bin/python3
"""sidecar PORT UPSTREAM: serves on PORT and passes every GET on to the UPSTREAM URL."""
import socketserver, sys, urllib.request
from http.server import BaseHTTPRequestHandler

if len(sys.argv) != 3:
    sys.exit(__doc__)
port, upstream = int(sys.argv[1]), sys.argv[2].rstrip("/")

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        try:
            with urllib.request.urlopen(upstream + self.path, timeout=3) as reply:
                status, body = 200, b"sidecar relayed: " + reply.read()
        except Exception as err:
            status, body = 502, ("sidecar cannot reach %s: %s\n" % (upstream, err)).encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

# SO_REUSEADDR lets a restarted app listen despite old connections in TIME_WAIT; it never lets
# two sockets listen on one port, so the port conflict stays real.
class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server(("0.0.0.0", port), Handler).serve_forever()
PY
chmod 755 /usr/local/bin/pause /usr/local/bin/podapp /usr/local/bin/sidecar

ip netns exec {{pod2}} setsid -f /usr/local/bin/pause </dev/null >/dev/null 2>&1
