# One Kubernetes node's pod network, as a bridge CNI plugin leaves it: bridge cni0 holding the
# gateway of the node's pod CIDR, one pod namespace on it, and in the pod a small web server that
# logs the client address of every request (the evidence that no NAT happened on the way).
# The same script runs on every node; the node's name picks its values.
set -euo pipefail

case $(hostname) in
  node01) cidr={{cidr1}} gateway={{cidr1.host(1)}} address={{cidr1.host(2)}} pod={{pod1}} ;;
  node02) cidr={{cidr2}} gateway={{cidr2.host(1)}} address={{cidr2.host(2)}} pod={{pod2}} ;;
  node03) cidr={{cidr3}} gateway={{cidr3.host(1)}} address={{cidr3.host(2)}} pod={{pod3}} ;;
  *) echo "setup-node.sh: no pod network for node $(hostname)" >&2; exit 1 ;;
esac
prefix=${cidr#*/}

# The nodes already route (as in the cross-node-routing lab): this lab is about who writes the
# routes.
sysctl -qw net.ipv4.ip_forward=1
# What a booted Debian has (systemd-tmpfiles makes it): BIRD's control socket lives there.
install -d -o bird -g bird /run/bird

ip link add cni0 type bridge
ip addr add "$gateway/$prefix" dev cni0
ip link set cni0 up

ip netns add "$pod"
ip link add "veth-$pod" type veth peer name eth0 netns "$pod"
ip link set "veth-$pod" master cni0 up
ip -n "$pod" addr add "$address/$prefix" dev eth0
ip -n "$pod" link set lo up
ip -n "$pod" link set eth0 up
ip -n "$pod" route add default via "$gateway"

mkdir -p /opt/netdojo /var/log/netdojo
# socketserver rather than http.server.HTTPServer, whose constructor looks its own name up and
# can stall in a namespace with no way to a resolver.
cat > /opt/netdojo/pod-server.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

pod, node, address, port, log = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        client = self.client_address[0]
        with open(log, "a") as f:
            f.write("%s %s\n" % (client, self.path))
        body = ("this is %s on %s (%s); you came from %s\n" % (pod, node, address, client)).encode()
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
touch "/var/log/netdojo/$pod.log"
ip netns exec "$pod" setsid nohup python3 /opt/netdojo/pod-server.py "$pod" "$(hostname)" "$address" {{port}} \
  "/var/log/netdojo/$pod.log" >"/var/log/netdojo/$pod.out" 2>&1 </dev/null &

for _ in $(seq 100); do
  if ip netns exec "$pod" ss -Hltn 'sport = :{{port}}' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the web server in $pod did not start:" >&2
cat "/var/log/netdojo/$pod.out" >&2
exit 1
