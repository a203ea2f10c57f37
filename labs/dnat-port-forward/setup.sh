# Builds the topology: priv (a private network behind the node, running a web server) and
# outside (the "internet"), which has no route to priv.
set -euo pipefail

# The node and every new namespace inherit ip_forward=1 from the host: off, so that the
# student's own change is what turns it on.
sysctl -qw net.ipv4.ip_forward=0

ip netns add priv
ip netns add outside
for ns in priv outside; do ip netns exec "$ns" sysctl -qw net.ipv4.ip_forward=0; done

ip link add veth-priv type veth peer name eth0 netns priv
ip link add veth-out type veth peer name eth0 netns outside
ip addr add {{priv.host(1)}}/{{priv.prefix}} dev veth-priv
ip addr add {{out.host(1)}}/{{out.prefix}} dev veth-out
ip link set veth-priv up
ip link set veth-out up

ip -n priv addr add {{priv.host(2)}}/{{priv.prefix}} dev eth0
ip -n priv link set lo up
ip -n priv link set eth0 up
ip -n priv route add default via {{priv.host(1)}}

# outside knows only its own link: nothing routes {{priv}} there.
ip -n outside addr add {{out.host(10)}}/{{out.prefix}} dev eth0
ip -n outside link set lo up
ip -n outside link set eth0 up

mkdir -p /opt/netdojo /var/log/netdojo
# A plain socketserver, not http.server's HTTPServer, which looks its own name up in DNS at start
# and can hang in a namespace with no way to a resolver. The page echoes the path it was asked
# for, so that a static copy of it cannot pass for the real server.
cat > /opt/netdojo/app.py <<'PY'
import socketserver, sys, time
from http.server import BaseHTTPRequestHandler

address, port, token, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        client = self.client_address[0]
        body = ("Private app %s, served from %s:%d.\nYou asked for %s from %s.\n"
                % (token, address, port, self.path, client)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with open(log, "a") as f:
            f.write('%s - - [%s] "%s %s %s" 200 %d\n' % (client, time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime()),
                                                     self.command, self.path, self.request_version, len(body)))

    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server((address, port), Handler).serve_forever()
PY
touch /var/log/netdojo/app-access.log
ip netns exec priv setsid nohup python3 /opt/netdojo/app.py {{priv.host(2)}} {{port}} {{token}} /var/log/netdojo/app-access.log \
  >/var/log/netdojo/app.out 2>&1 </dev/null &

for _ in $(seq 100); do
  if ip netns exec priv ss -Hltn 'sport = :{{port}}' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the web server in priv did not start:" >&2
cat /var/log/netdojo/app.out >&2
exit 1
