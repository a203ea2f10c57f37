# Builds the "internet" the containers will reach: a namespace outside on its own link to the
# node, with a web server that tells each client the address it came from. Everything on the
# container side (bridge, namespaces, routes, NAT) is the student's.
set -euo pipefail

# The node and every new namespace inherit ip_forward=1 from the host: off, so that the
# student's own change is what turns it on.
sysctl -qw net.ipv4.ip_forward=0

ip netns add outside
ip netns exec outside sysctl -qw net.ipv4.ip_forward=0
ip link add eth-out type veth peer name eth0 netns outside
ip addr add {{out.host(1)}}/{{out.prefix}} dev eth-out
ip link set eth-out up

# outside knows only its own link, like a host on the internet: nothing routes {{net}} back.
ip -n outside addr add {{out.host(10)}}/{{out.prefix}} dev eth0
ip -n outside link set lo up
ip -n outside link set eth0 up

mkdir -p /opt/netdojo /var/log/netdojo
# A plain socketserver, not http.server's HTTPServer, which looks its own name up in DNS at start
# and hangs in a namespace with no way to a resolver.
cat > /opt/netdojo/outside-web.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

address, port = sys.argv[1], int(sys.argv[2])

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("Hello from the internet: this is %s.\nYou came from %s.\n" % (address, self.client_address[0])).encode()
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
ip netns exec outside setsid nohup python3 /opt/netdojo/outside-web.py {{out.host(10)}} 80 \
  >/var/log/netdojo/outside-web.out 2>&1 </dev/null &

for _ in $(seq 100); do
  if ip netns exec outside ss -Hltn 'sport = :80' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the web server in outside did not start:" >&2
cat /var/log/netdojo/outside-web.out >&2
exit 1
