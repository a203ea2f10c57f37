# A node where two Services worked, made of kube-proxy-style NAT rules: web at {{vip}}:80 over
# pods web-1 and web-2 (targetPort {{port}}), and api at {{api_vip}}:80 over pod api-1 (port
# {{api_port}}); a client pod on the same bridge. Then this attempt's fault breaks web's ports.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up
# Client and backends share cni0: a backend's reply is bridged, and only bridge netfilter lets
# conntrack turn its source back into the VIP (kube-proxy needs this too).
sysctl -qw net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1

mkdir -p /opt/netdojo /var/log/netdojo
# Each answer names the pod and the client address it saw (NAT of the destination keeps the
# client's own address; a proxy on the node would show the node's). socketserver, because
# http.server looks its own name up at start.
cat > /opt/netdojo/svc-pod.py <<'PY'
import socketserver, sys
from http.server import BaseHTTPRequestHandler

name, address, port = sys.argv[1], sys.argv[2], int(sys.argv[3])

class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = ("%s client=%s path=%s\n" % (name, self.client_address[0], self.path)).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass

class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True

Server((address, port), Handler).serve_forever()
PY

pod() {
  local name=$1 addr=$2
  ip netns add "$name"
  ip link add "veth-$name" type veth peer name eth0 netns "$name"
  ip link set "veth-$name" master cni0 up
  ip -n "$name" addr add "$addr/{{pods.prefix}}" dev eth0
  ip -n "$name" link set lo up
  ip -n "$name" link set eth0 up
  ip -n "$name" route add default via {{pods.host(1)}}
}
serve() {
  ip netns exec "$1" setsid nohup python3 /opt/netdojo/svc-pod.py "$1" "$2" "$3" \
    >"/var/log/netdojo/$1.out" 2>&1 </dev/null &
}
pod client {{pods.host(10)}}
pod web-1 {{pods.host(2)}}
pod web-2 {{pods.host(3)}}
pod api-1 {{pods.host(4)}}
serve web-1 {{pods.host(2)}} {{port}}
serve web-2 {{pods.host(3)}} {{port}}
serve api-1 {{pods.host(4)}} {{api_port}}

# The rules kube-proxy (iptables mode) writes, with its chain layout and comments; the chain
# names stand in for its hashes.
ipt() { iptables -w -t nat "$@"; }
ipt -N KUBE-SERVICES
ipt -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ipt -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
for chain in KUBE-SVC-WQ4M7ZK2JD6RXH3B KUBE-SEP-L5T2QPA9XWM3CE8N KUBE-SEP-R7VD3KH6JNZ1YB4F \
             KUBE-SVC-C9XN2HTF5LQ8MWPE KUBE-SEP-G3BY8RKD4VPT7ZQA; do
  ipt -N "$chain"
done

web_dport=80 web1_port={{port}} web2_port={{port}}
case {{fault}} in
  service-port) web1_port=80 web2_port=80 ;;
  one-endpoint) web2_port=$(({{port}} + 1)) ;;
  first-endpoint-80) web1_port=80 ;;
  docs-port) web1_port=9376 web2_port=9376 ;;
  service-dport) web_dport={{port}} ;;
esac

ipt -A KUBE-SERVICES -d {{vip}}/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport "$web_dport" -j KUBE-SVC-WQ4M7ZK2JD6RXH3B
ipt -A KUBE-SERVICES -d {{api_vip}}/32 -p tcp -m comment --comment "default/api:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-C9XN2HTF5LQ8MWPE
ipt -A KUBE-SVC-WQ4M7ZK2JD6RXH3B -m comment --comment "default/web:http -> {{pods.host(2)}}" -m statistic --mode random --probability 0.5 -j KUBE-SEP-L5T2QPA9XWM3CE8N
ipt -A KUBE-SVC-WQ4M7ZK2JD6RXH3B -m comment --comment "default/web:http -> {{pods.host(3)}}" -j KUBE-SEP-R7VD3KH6JNZ1YB4F
ipt -A KUBE-SEP-L5T2QPA9XWM3CE8N -p tcp -m comment --comment "default/web:http" -j DNAT --to-destination "{{pods.host(2)}}:$web1_port"
ipt -A KUBE-SEP-R7VD3KH6JNZ1YB4F -p tcp -m comment --comment "default/web:http" -j DNAT --to-destination "{{pods.host(3)}}:$web2_port"
ipt -A KUBE-SVC-C9XN2HTF5LQ8MWPE -m comment --comment "default/api:http -> {{pods.host(4)}}" -j KUBE-SEP-G3BY8RKD4VPT7ZQA
ipt -A KUBE-SEP-G3BY8RKD4VPT7ZQA -p tcp -m comment --comment "default/api:http" -j DNAT --to-destination {{pods.host(4)}}:{{api_port}}

# What the API server says about the Service, for the student to compare with the rules.
mkdir -p /root/cluster
cat > /root/cluster/web-service.yaml <<YAML
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: default
spec:
  clusterIP: {{vip}}
  selector:
    app: web
  ports:
    - name: http
      protocol: TCP
      port: 80
      targetPort: {{port}}
---
# kubectl get endpointslices -l kubernetes.io/service-name=web
addressType: IPv4
endpoints:
  - addresses: ["{{pods.host(2)}}"]   # web-1
  - addresses: ["{{pods.host(3)}}"]   # web-2
ports:
  - name: http
    protocol: TCP
    port: {{port}}
YAML

for name in web-1:{{port}} web-2:{{port}} api-1:{{api_port}}; do
  for _ in $(seq 100); do
    ip netns exec "${name%:*}" ss -Hltn "sport = :${name#*:}" | grep -q . && continue 2
    sleep 0.1
  done
  echo "the server of pod ${name%:*} did not start:" >&2
  cat "/var/log/netdojo/${name%:*}.out" >&2
  exit 1
done
