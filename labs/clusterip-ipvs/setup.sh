# Builds the pods: web-1 and web-2 (the Service's backends, each an HTTP server that
# answers with its own name) and a client, all on the node's bridge cni0 as a CNI bridge plugin
# would attach them. No Service exists yet: the IPVS virtual server is the lab.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up

mkdir -p /opt/netdojo /var/log/netdojo
# The answer names the pod, the client address it saw (a proxy on the node would show the
# node's address, NAT shows the client's) and the grader's per-request X-Netdojo-Check header.
# A plain socketserver: http.server's HTTPServer looks its own name up in DNS at start.
cat > /opt/netdojo/web.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

name, address, port, release = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("%s %s client=%s check=%s\n" % (name, release, self.client_address[0],
                self.headers.get("X-Netdojo-Check", "-"))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server((address, port), Handler).serve_forever()
PY

pod() {
  local name=$1 addr=$2
  ip netns add "$name"
  ip netns exec "$name" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link add "veth-$name" type veth peer name eth0 netns "$name"
  ip link set "veth-$name" master cni0 up
  ip -n "$name" addr add "$addr/{{pods.prefix}}" dev eth0
  ip -n "$name" link set lo up
  ip -n "$name" link set eth0 up
  ip -n "$name" route add default via {{pods.host(1)}}
}
pod client {{pods.host(10)}}
pod web-1 {{pods.host(2)}}
pod web-2 {{pods.host(3)}}

serve() {
  ip netns exec "$1" setsid nohup python3 /opt/netdojo/web.py "$1" "$2" {{port}} {{release}} \
    >"/var/log/netdojo/$1.out" 2>&1 </dev/null &
}
serve web-1 {{pods.host(2)}}
serve web-2 {{pods.host(3)}}

for name in web-1 web-2; do
  for _ in $(seq 100); do
    ip netns exec "$name" ss -Hltn 'sport = :{{port}}' | grep -q . && continue 2
    sleep 0.1
  done
  echo "the $name pod's server did not start:" >&2
  cat "/var/log/netdojo/$name.out" >&2
  exit 1
done
