# Builds the topology: two backend "pods" (wear, watch) on the node's bridge cni0, and a client
# namespace "outside" on the node's public link. No proxy runs on the node: that is the lab.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up

mkdir -p /opt/netdojo /var/log/netdojo
# Each pod answers with its name and what reached it (path, Host, the grader's per-request
# X-Netdojo-Check header, client address): a saved copy of a page cannot echo a fresh header.
# A plain socketserver: http.server's HTTPServer looks its own name up in DNS at start.
cat > /opt/netdojo/pod.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

pod, address, port, token = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("pod %s (%s) at %s:%d\npath: %s\nhost: %s\ncheck: %s\nclient: %s\n"
                % (pod, token, address, port, self.path, self.headers.get("Host", ""),
                   self.headers.get("X-Netdojo-Check", ""), self.client_address[0])).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
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
  ip netns exec "$name" setsid nohup python3 /opt/netdojo/pod.py "$name" "$addr" {{port}} {{token}} \
    >"/var/log/netdojo/$name.out" 2>&1 </dev/null &
}
pod wear {{pods.host(11)}}
pod watch {{pods.host(12)}}

# outside: the clients of the store, on the node's public link. The grader's requests start here.
ip netns add outside
ip link add veth-out type veth peer name eth0 netns outside
ip addr add {{out.host(1)}}/{{out.prefix}} dev veth-out
ip link set veth-out up
ip -n outside addr add {{out.host(10)}}/{{out.prefix}} dev eth0
ip -n outside link set lo up
ip -n outside link set eth0 up

# Let outside find the store by name, as DNS would point it at the ingress.
mkdir -p /etc/netns/outside
echo "{{out.host(1)}} {{host}} unknown.example" > /etc/netns/outside/hosts
echo "{{out.host(1)}} {{host}}" >> /etc/hosts

for name in wear watch; do
  for _ in $(seq 100); do
    ip netns exec "$name" ss -Hltn 'sport = :{{port}}' | grep -q . && continue 2
    sleep 0.1
  done
  echo "the $name pod's server did not start:" >&2
  cat "/var/log/netdojo/$name.out" >&2
  exit 1
done
