# node02: the storage server, an object store's HTTP API on {{storage.host(20)}}:9000. Every
# request is logged with the client address it came from: that address is the evidence.
set -euo pipefail

ip addr add {{storage.host(20)}}/{{storage.prefix}} dev eth0

mkdir -p /opt/netdojo /var/log/storage
# A plain socketserver: http.server's HTTPServer looks its own name up in DNS at start, and the
# sandbox has no resolver to answer.
cat > /opt/netdojo/storage.py <<'PY'
import socketserver, sys, time
from http.server import BaseHTTPRequestHandler

address, port, log = sys.argv[1], int(sys.argv[2]), sys.argv[3]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        client = self.client_address[0]
        body = ("storage server %s: object %s served to %s\n" % (address, self.path, client)).encode()
        # Logged before the answer, so that a client holding the answer finds its line.
        with open(log, "a") as f:
            f.write("%s %s GET %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), client, self.path))
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
touch /var/log/storage/access.log
setsid nohup python3 /opt/netdojo/storage.py {{storage.host(20)}} 9000 /var/log/storage/access.log \
  >/var/log/storage/server.out 2>&1 </dev/null &

for _ in $(seq 100); do
  if ss -Hltn 'sport = :9000' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the storage server did not start:" >&2
cat /var/log/storage/server.out >&2
exit 1
