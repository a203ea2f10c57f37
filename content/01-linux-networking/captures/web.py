# A tiny web server for NAT demos: answers every GET with a fixed line and logs the client's
# address like python's http.server. A plain TCPServer, because HTTPServer looks its own name up
# in DNS at start, which hangs in a namespace without a resolver.
import socketserver, sys
from http.server import BaseHTTPRequestHandler

address, port, text, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = (text + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        with open(log, "a") as f:
            f.write("%s - - [%s] %s\n" % (self.client_address[0], self.log_date_time_string(), format % args))

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server((address, port), Handler).serve_forever()
