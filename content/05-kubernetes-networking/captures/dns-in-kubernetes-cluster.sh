# Shared setup of the dns-in-kubernetes captures: a "pod" and a stand-in for CoreDNS.
set -e
# The pod: namespace "client" joined to the node by a veth, as a CNI plugin would do it.
ip netns add client
ip link add veth-client type veth peer name eth0 netns client
ip addr add 10.244.1.1/24 dev veth-client
ip link set veth-client up
ip -n client addr add 10.244.1.5/24 dev eth0
ip -n client link set eth0 up
ip -n client link set lo up
ip -n client route add default via 10.244.1.1
# The kube-dns Service address and an "upstream" resolver, both owned by the node. (In a
# cluster 10.96.0.10 is a virtual IP that kube-proxy DNATs to the CoreDNS pods.)
ip addr add 10.96.0.10/32 dev lo
ip addr add 10.53.0.53/32 dev lo
mkdir -p /etc/k8s-dns
cat > /etc/k8s-dns/upstream.conf <<'EOC'
# Plays the resolver outside the cluster (the node's or the provider's).
listen-address=10.53.0.53
bind-interfaces
no-resolv
no-hosts
local=/example.com/
local-ttl=300
host-record=api.example.com,203.0.113.10
EOC
cat > /etc/k8s-dns/cluster.conf <<'EOC'
# Stand-in for CoreDNS: answers for cluster.local, forwards everything else.
listen-address=10.96.0.10
bind-interfaces
no-resolv
no-hosts
# like the kubernetes plugin: the cluster domain is ours, unknown names are NXDOMAIN
local=/cluster.local/
local-ttl=30
# ClusterIP Services: <service>.<namespace>.svc.cluster.local -> the ClusterIP
host-record=web.default.svc.cluster.local,10.96.0.80
host-record=db.prod.svc.cluster.local,10.96.0.81
# SRV for the port named "http" (TCP 80) of Service web
srv-host=_http._tcp.web.default.svc.cluster.local,web.default.svc.cluster.local,80,0,100
# headless Service peers: one A record per ready pod, plus <hostname>.<subdomain> names
host-record=peers.default.svc.cluster.local,10.244.1.11
host-record=peers.default.svc.cluster.local,10.244.2.12
host-record=peers.default.svc.cluster.local,10.244.3.13
host-record=peer-0.peers.default.svc.cluster.local,10.244.1.11
host-record=peer-1.peers.default.svc.cluster.local,10.244.2.12
host-record=peer-2.peers.default.svc.cluster.local,10.244.3.13
# pod record: the pod IP with dashes, in <namespace>.pod.cluster.local
host-record=10-244-1-5.default.pod.cluster.local,10.244.1.5
# like "forward . /etc/resolv.conf": everything else goes upstream
server=10.53.0.53
# like "cache 30"
cache-size=1000
log-queries
log-facility=/var/log/cluster-dns.log
EOC
dnsmasq -C /etc/k8s-dns/upstream.conf --pid-file=/run/dnsmasq-upstream.pid
dnsmasq -C /etc/k8s-dns/cluster.conf --pid-file=/run/dnsmasq-cluster.pid
# What the kubelet would generate for a pod in namespace "default" with dnsPolicy ClusterFirst.
# `ip netns exec client` bind-mounts this file over /etc/resolv.conf.
mkdir -p /etc/netns/client
cat > /etc/netns/client/resolv.conf <<'EOC'
search default.svc.cluster.local svc.cluster.local cluster.local
nameserver 10.96.0.10
options ndots:5
EOC
