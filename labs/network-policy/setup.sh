# Builds the pods: three network namespaces on the node's bridge cni0, each running a small TCP
# server on its ports that answers every connection with who it is, the client address it saw
# and the line the client sent. The policies themselves are written by the lab's second setup
# step (checks/helpers.sh), from the same text the grader evaluates.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up

mkdir -p /opt/netdojo /var/log/netdojo
cat > /opt/netdojo/pod-server.py <<'PY'
import socketserver, sys, threading

name, ports = sys.argv[1], [int(p) for p in sys.argv[2:]]

class Answer(socketserver.StreamRequestHandler):
    def handle(self):
        self.request.settimeout(5)
        line = self.rfile.readline(200).decode(errors="replace").strip()
        self.wfile.write(("%s saw %s %s\n" % (name, self.client_address[0], line)).encode())

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

servers = [Server(("0.0.0.0", port), Answer) for port in ports]
for server in servers[1:]:
    threading.Thread(target=server.serve_forever, daemon=True).start()
servers[0].serve_forever()
PY

start_pod() {
  local pod=$1 addr=$2
  shift 2
  ip netns add "$pod"
  ip netns exec "$pod" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link add "veth-$pod" type veth peer name eth0 netns "$pod"
  ip link set "veth-$pod" master cni0 up
  ip -n "$pod" addr add "$addr/{{pods.prefix}}" dev eth0
  ip -n "$pod" link set lo up
  ip -n "$pod" link set eth0 up
  ip -n "$pod" route add default via {{pods.host(1)}}
  ip netns exec "$pod" setsid nohup python3 /opt/netdojo/pod-server.py "$pod" "$@" \
    >"/var/log/netdojo/$pod.out" 2>&1 </dev/null &
}
start_pod frontend {{pods.host(10)}} {{fe_port}}
start_pod backend {{pods.host(20)}} {{be_port}} {{metrics_port}}
start_pod db {{pods.host(30)}} {{db_port}}

cat > /root/pods.txt <<'EOF2'
POD       NAMESPACE     LABELS        IP               LISTENS ON (TCP)
frontend  {{app_ns}}  app=frontend  {{pods.host(10)}}  {{fe_port}}
backend   {{app_ns}}  app=backend   {{pods.host(20)}}  {{be_port}} (api), {{metrics_port}} (metrics)
db        {{data_ns}}  app=db        {{pods.host(30)}}  {{db_port}}
Every namespace carries the label kubernetes.io/metadata.name=<its name>.
EOF2

for pod_port in frontend:{{fe_port}} backend:{{be_port}} backend:{{metrics_port}} db:{{db_port}}; do
  pod=${pod_port%%:*}; port=${pod_port#*:}
  for _ in $(seq 100); do
    ip netns exec "$pod" ss -Hltn "sport = :$port" | grep -q . && continue 2
    sleep 0.1
  done
  echo "the server of pod $pod did not start on port $port:" >&2
  cat "/var/log/netdojo/$pod.out" >&2
  exit 1
done
