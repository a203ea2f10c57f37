# The "web" app: answers with the client address it sees and the sidecar headers it received.
import socketserver
from http.server import BaseHTTPRequestHandler, HTTPServer


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        seen = ', '.join(k for k in self.headers if k.endswith('-sidecar'))
        body = f'web app: client {self.client_address[0]}, headers [{seen}]\n'.encode()
        self.send_response(200)
        self.send_header('content-length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(HTTPServer):
    def server_bind(self):
        # HTTPServer looks its own name up in DNS; a pod namespace has no DNS and would hang.
        socketserver.TCPServer.server_bind(self)


Server(('0.0.0.0', 8080), Handler).serve_forever()
