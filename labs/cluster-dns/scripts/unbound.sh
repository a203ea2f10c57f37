# The cluster zone as unbound local-data; the address on a bridge instead of lo.
ip link add kube-dns type bridge
ip addr add 10.96.0.10/32 dev kube-dns
ip link set kube-dns up
pod_ip=$(tr - . <<<'{{pod_dashed}}')
cat > /etc/unbound/cluster.conf <<CONF
server:
  interface: 10.96.0.10
  do-ip6: no
  access-control: 0.0.0.0/0 allow
  username: ""
  chroot: ""
  pidfile: /run/unbound-cluster.pid
  use-syslog: no
  local-zone: "cluster.local." static
  local-data: "web.default.svc.cluster.local. 30 IN A {{web_ip}}"
  local-data: "db.{{db_ns}}.svc.cluster.local. 30 IN A {{db_ip}}"
  local-data: "peers.default.svc.cluster.local. 30 IN A {{peers.host(11)}}"
  local-data: "peers.default.svc.cluster.local. 30 IN A {{peers.host(12)}}"
  local-data: "peers.default.svc.cluster.local. 30 IN A {{peers.host(13)}}"
  local-data: "_http._tcp.web.default.svc.cluster.local. 30 IN SRV 0 100 {{web_port}} web.default.svc.cluster.local."
  local-data: "{{pod_dashed}}.default.pod.cluster.local. 30 IN A $pod_ip"
remote-control:
  control-enable: no
CONF
unbound -c /etc/unbound/cluster.conf
mkdir -p /etc/netns/client
cat > /etc/netns/client/resolv.conf <<'RESOLV'
# what a kubelet writes for a pod in namespace default (dnsPolicy ClusterFirst)
nameserver 10.96.0.10
search default.svc.cluster.local svc.cluster.local cluster.local
options ndots:5 timeout:2
RESOLV
for i in $(seq 50); do dig @10.96.0.10 +time=1 +tries=1 +short web.default.svc.cluster.local | grep -q . && break; sleep 0.1; done
