# Two pods on cni0, as the CNI plugin left them, plus what a mesh's injector adds to {{app}}: its
# sidecar proxy, running as uid {{uid}} and listening on 15001. The traffic capture (iptables)
# is the student's. {{backend}} serves ports 80 and 8080 and logs each request's mesh header.
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
attach {{app}} {{pods.host(2)}}
attach {{backend}} {{pods.host(3)}}

mkdir -p /var/log/mesh
cat > /usr/local/bin/mesh-proxy <<'PY'
#!/usr/bin/python3
"""mesh-proxy PORT: an outbound sidecar. It takes the connections iptables redirected to PORT,
asks the kernel where each was going (SO_ORIGINAL_DST), adds the header x-mesh-proxy and
passes the request on to that original destination. A request that already carries the
header came back to the proxy through its own capture: it is refused (508) instead of looping."""
import os, socket, struct, sys, threading, time

port = int(sys.argv[1])
log = open("/var/log/mesh/proxy.log", "a", buffering=1)
SO_ORIGINAL_DST = 80

def record(line):
    log.write("%s uid=%d %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), os.getuid(), line))

def answer(conn, status, text):
    body = text.encode()
    conn.sendall(b"HTTP/1.0 %s\r\nContent-Length: %d\r\n\r\n%s" % (status.encode(), len(body), body))

def handle(client):
    with client:
        client.settimeout(5)
        raw = client.getsockopt(socket.SOL_IP, SO_ORIGINAL_DST, 16)
        dport, dst = struct.unpack("!H", raw[2:4])[0], socket.inet_ntoa(raw[4:8])
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                return
            head += chunk
        request_line, rest = head.split(b"\r\n", 1)
        path = request_line.split(b" ")[1].decode(errors="replace") if request_line.count(b" ") >= 2 else "?"
        if b"\r\nx-mesh-proxy:" in b"\r\n" + rest.lower():
            record("LOOP %s -> %s:%d: a request this proxy already forwarded came back to it" % (path, dst, dport))
            answer(client, "508 Loop Detected", "mesh-proxy: loop detected: my own request to %s:%d was redirected back to me\n" % (dst, dport))
            return
        if (dst, dport) == (client.getsockname()[0], port):
            answer(client, "400 Bad Request", "mesh-proxy: connect to the application's destination; the capture brings the connection here\n")
            return
        record("%s -> %s:%d" % (path, dst, dport))
        try:
            upstream = socket.create_connection((dst, dport), timeout=4)
        except OSError as err:
            answer(client, "502 Bad Gateway", "mesh-proxy: cannot reach %s:%d: %s\n" % (dst, dport, err))
            return
        with upstream:
            upstream.sendall(request_line + b"\r\nx-mesh-proxy: sidecar-of-{{app}}\r\n" + rest)
            while True:
                data = upstream.recv(65536)
                if not data:
                    break
                client.sendall(data)

server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("0.0.0.0", port))
server.listen(64)
record("listening on %d" % port)
while True:
    conn, _ = server.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
PY
cat > /usr/local/bin/mesh-backend <<'PY'
#!/usr/bin/python3
"""mesh-backend: answers HTTP on ports 80 and 8080 and logs, per request, the client, the
port, the path and the x-mesh-proxy header (or -)."""
import socketserver, threading, time
from http.server import BaseHTTPRequestHandler

log = open("/var/log/mesh/backend.log", "a", buffering=1)

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        mesh = self.headers.get("x-mesh-proxy", "-")
        # Logged before the answer, so that a client holding the answer finds its line.
        log.write("%s %s port=%d GET %s x-mesh-proxy=%s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"),
                  self.client_address[0], self.server.server_address[1], self.path, mesh))
        body = ("backend: you are %s, x-mesh-proxy: %s\n" % (self.client_address[0], mesh)).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

for port in (80, 8080):
    threading.Thread(target=Server(("0.0.0.0", port), Handler).serve_forever, daemon=True).start()
threading.Event().wait()
PY
chmod 755 /usr/local/bin/mesh-proxy /usr/local/bin/mesh-backend
touch /var/log/mesh/proxy.log /var/log/mesh/backend.log
chmod 666 /var/log/mesh/proxy.log

ip netns exec {{backend}} setsid -f /usr/local/bin/mesh-backend </dev/null >/var/log/mesh/backend.out 2>&1
ip netns exec {{app}} setsid -f setpriv --reuid={{uid}} --regid={{uid}} --clear-groups \
  /usr/local/bin/mesh-proxy 15001 </dev/null >/var/log/mesh/proxy.out 2>&1

for _ in $(seq 100); do
  if ip netns exec {{app}} ss -Hltn 'sport = :15001' | grep -q . \
     && [ "$(ip netns exec {{backend}} ss -Hltn '( sport = :80 or sport = :8080 )' | wc -l)" = 2 ]; then
    exit 0
  fi
  sleep 0.1
done
echo "the proxy or the backend did not start:" >&2
cat /var/log/mesh/proxy.out /var/log/mesh/backend.out >&2
exit 1
