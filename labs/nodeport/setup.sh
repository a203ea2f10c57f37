# node01: the web pods on bridge cni0, the ClusterIP that kube-proxy has already written for them
# (lab clusterip-iptables), and a namespace "outside" on the node's public link, where clients
# of the cluster live. The NodePort is the lab.
set -euo pipefail

sysctl -qw net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up

mkdir -p /opt/netdojo /var/log/netdojo
# The answer names the pod and the client address it saw. A plain socketserver: http.server's
# HTTPServer looks its own name up in DNS at start.
cat > /opt/netdojo/web.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

name, address, port, release = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("%s %s client=%s\n" % (name, release, self.client_address[0])).encode()
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
  ip netns exec "$name" setsid nohup python3 /opt/netdojo/web.py "$name" "$addr" {{port}} {{release}} \
    >"/var/log/netdojo/$name.out" 2>&1 </dev/null &
}
pod web-1 {{pods.host(2)}}
pod web-2 {{pods.host(3)}}

# outside: a client beyond the node's public link.
ip netns add outside
ip link add veth-out type veth peer name eth0 netns outside
ip addr add {{out.host(1)}}/{{out.prefix}} dev veth-out
ip link set veth-out up
ip -n outside addr add {{out.host(10)}}/{{out.prefix}} dev eth0
ip -n outside link set lo up
ip -n outside link set eth0 up
ip -n outside route add default via {{out.host(1)}}

# Service web as kube-proxy's iptables mode writes it: the ClusterIP, balanced over both pods.
iptables -t nat -N KUBE-SERVICES
iptables -t nat -N KUBE-SVC-WEB
iptables -t nat -A PREROUTING -j KUBE-SERVICES
iptables -t nat -A OUTPUT -j KUBE-SERVICES
iptables -t nat -A KUBE-SERVICES -d {{vip}}/32 -p tcp --dport 80 -j KUBE-SVC-WEB
iptables -t nat -A KUBE-SVC-WEB -p tcp -m statistic --mode random --probability 0.5 -j DNAT --to-destination {{pods.host(2)}}:{{port}}
iptables -t nat -A KUBE-SVC-WEB -p tcp -j DNAT --to-destination {{pods.host(3)}}:{{port}}

for name in web-1 web-2; do
  for _ in $(seq 100); do
    ip netns exec "$name" ss -Hltn 'sport = :{{port}}' | grep -q . && continue 2
    sleep 0.1
  done
  echo "the $name pod's server did not start:" >&2
  cat "/var/log/netdojo/$name.out" >&2
  exit 1
done
