# Builds one node of a working two-node cluster (the host-gw model: a bridge cni0 per node, one
# pod, a route per remote pod CIDR via the other node), then breaks it as this attempt's fault
# says. Runs on both nodes; the node's name picks its values.
set -euo pipefail

case $(hostname) in
  node01) cidr={{cidr1}} gateway={{cidr1.host(1)}} address={{cidr1.host(2)}} pod={{pod1}}
          peer=node02 peer_cidr={{cidr2}} ;;
  node02) cidr={{cidr2}} gateway={{cidr2.host(1)}} address={{cidr2.host(2)}} pod={{pod2}}
          peer=node01 peer_cidr={{cidr1}} ;;
  *) echo "setup-node.sh: no pod network for node $(hostname)" >&2; exit 1 ;;
esac
prefix=${cidr#*/}
peer_ip=$(getent ahostsv4 "$peer" | awk '{ print $1; exit }')
[ -n "$peer_ip" ] || { echo "setup-node.sh: cannot find $peer's address" >&2; exit 1; }

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
# A web server that writes the client address of every request to a log: the evidence that the
# packets arrived untranslated. socketserver, because http.server looks its own name up at start.
cat > /opt/netdojo/pod-web.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

pod, address, port, log = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        client = self.client_address[0]
        with open(log, "a") as f:
            f.write("%s %s\n" % (client, self.path))
        body = ("pod %s (%s) answers; the request came from %s\n" % (pod, address, client)).encode()
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
ip netns exec "$pod" setsid nohup python3 /opt/netdojo/pod-web.py "$pod" "$address" {{port}} \
  "/var/log/netdojo/$pod.log" >"/var/log/netdojo/$pod.out" 2>&1 </dev/null &

# The cluster as it worked yesterday...
sysctl -qw net.ipv4.ip_forward=1
ip route add "$peer_cidr" via "$peer_ip" dev eth0

# ...and what went wrong since. The fault is "FORWARDING+ROUTE": which node lost forwarding
# (all of it, or on eth0 only) and which node lost its route to the other's pods.
fault={{fault}}
case ${fault%%+*} in
  "$(hostname)-forwarding") sysctl -qw net.ipv4.ip_forward=0 ;;
  "$(hostname)-eth0-forwarding") sysctl -qw net.ipv4.conf.eth0.forwarding=0 ;;
esac
if [ "${fault#*+}" = "$(hostname)-route" ]; then
  ip route del "$peer_cidr"
fi

for _ in $(seq 100); do
  if ip netns exec "$pod" ss -Hltn 'sport = :{{port}}' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the web server in $pod did not start:" >&2
cat "/var/log/netdojo/$pod.out" >&2
exit 1
