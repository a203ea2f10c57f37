# A toy sidecar proxy. It accepts the connections iptables redirected to it, asks the kernel where
# each one was going (SO_ORIGINAL_DST, kept by conntrack), adds a header and passes the bytes on.
# Outbound: on to the original destination. Inbound: on to the app on localhost.
import socket
import struct
import sys
import threading

mode, port = sys.argv[1], int(sys.argv[2])
SO_ORIGINAL_DST = 80


def pipe(src, dst):
    # One direction. At its end, pass the end on (a half-close: FIN) instead of closing dst, which
    # the other direction may still be reading; handle() closes both once both directions ended.
    try:
        while data := src.recv(65536):
            dst.sendall(data)
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def handle(client):
    raw = client.getsockopt(socket.SOL_IP, SO_ORIGINAL_DST, 16)
    dport, dst = struct.unpack('!H', raw[2:4])[0], socket.inet_ntoa(raw[4:8])
    target = (dst, dport) if mode == 'outbound' else ('127.0.0.1', dport)
    head = b''
    while b'\r\n\r\n' not in head:
        head += client.recv(4096)
    request_line, rest = head.split(b'\r\n', 1)
    head = request_line + f'\r\nx-{mode}-sidecar: seen'.encode() + b'\r\n' + rest
    print(f'{mode} sidecar: {client.getpeername()[0]} -> {dst}:{dport}, forwarded to {target[0]}:{target[1]}', flush=True)
    upstream = socket.create_connection(target)
    upstream.sendall(head)
    to_upstream = threading.Thread(target=pipe, args=(client, upstream), daemon=True)
    to_upstream.start()
    pipe(upstream, client)
    to_upstream.join()
    client.close()
    upstream.close()


server = socket.socket()
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(('0.0.0.0', port))
server.listen()
while True:
    conn, _ = server.accept()
    threading.Thread(target=handle, args=(conn,), daemon=True).start()
