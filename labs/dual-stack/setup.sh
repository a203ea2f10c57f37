# What an IPv4-only CNI plugin left on node01: cni0 with {{pods.host(1)}}, two pods with an IPv4
# address and default route each. The node has IPv6 switched off, as a container engine leaves
# it, so cni0 inherits disable_ipv6 = 1; new pod namespaces start with IPv6 on. {{b}} runs the
# app: one socket on [::]:8080 that answers both families and logs the client it saw.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up
attach() {
  local pod=$1 address=$2
  ip netns add "$pod"
  ip link add "veth-$pod" type veth peer name eth0 netns "$pod"
  ip link set "veth-$pod" master cni0 up
  ip -n "$pod" addr add "$address/{{pods.prefix}}" dev eth0
  ip -n "$pod" link set lo up
  ip -n "$pod" link set eth0 up
  ip -n "$pod" route add default via {{pods.host(1)}}
}
attach {{a}} {{pods.host(2)}}
attach {{b}} {{pods.host(3)}}

mkdir -p /opt/netdojo /var/log/pods
cat > /opt/netdojo/web.py <<'PY'
import socket, sys, threading, time

log = sys.argv[1]
server = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
# One socket for both families: IPv4 clients show up as ::ffff:a.b.c.d.
server.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("::", 8080))
server.listen(16)

def serve(conn, client):
    with conn:
        conn.settimeout(3)
        try:
            request = conn.recv(4096).decode(errors="replace")
        except OSError:
            return
        path = request.split(" ")[1] if request.count(" ") >= 2 else "?"
        # Logged before the answer, so that a client holding the answer finds its line.
        with open(log, "a") as f:
            f.write("%s %s GET %s\n" % (time.strftime("%Y-%m-%dT%H:%M:%S"), client, path))
        body = "web in {{b}}: you are %s, you asked for %s\n" % (client, path)
        conn.sendall(("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s"
                      % (len(body), body)).encode())

while True:
    conn, address = server.accept()
    threading.Thread(target=serve, args=(conn, address[0]), daemon=True).start()
PY
touch /var/log/pods/web.log
ip netns exec {{b}} setsid nohup python3 /opt/netdojo/web.py /var/log/pods/web.log \
  >/var/log/pods/web.out 2>&1 </dev/null &

for _ in $(seq 100); do
  if ip netns exec {{b}} ss -Hltn 'sport = :8080' | grep -q .; then exit 0; fi
  sleep 0.1
done
echo "the web app in {{b}} did not start:" >&2
cat /var/log/pods/web.out >&2
exit 1
