# node02 plays "anywhere outside the pod network": a web server that logs the client address
# of every request, so that a check can see whether a pod's traffic was masqueraded.
set -euo pipefail

mkdir -p /opt/netdojo /var/log/netdojo
# socketserver rather than http.server.HTTPServer, whose constructor looks its own host name
# up and can stall on the engine's resolver.
cat > /opt/netdojo/echo-client.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

port, log = int(sys.argv[1]), sys.argv[2]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        client = self.client_address[0]
        with open(log, "a") as f:
            f.write("%s %s\n" % (client, self.path))
        body = ("node02 saw you come from %s\n" % client).encode()
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

Server(("0.0.0.0", port), Handler).serve_forever()
PY
touch /var/log/netdojo/clients.log
setsid nohup python3 /opt/netdojo/echo-client.py 80 /var/log/netdojo/clients.log \
  >/var/log/netdojo/echo-client.out 2>&1 </dev/null &

for _ in $(seq 100); do
  if ss -Hltn 'sport = :80' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the web server on node02 did not start:" >&2
cat /var/log/netdojo/echo-client.out >&2
exit 1
