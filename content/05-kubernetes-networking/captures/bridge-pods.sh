# Shared by the ingress and network-policy setups: "pods" (network namespaces, IPv6 off) on the
# node's bridge cni0 (10.244.1.1/24), each serving HTTP on port 8080 with its own nginx.
# Usage: bash bridge-pods.sh BODY POD=ADDRESS...
#   BODY is what every pod's nginx answers (nginx variables allowed), with {pod} for its name.
set -e
body=$1
shift
ip link add cni0 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
mkdir -p /etc/pods
for arg in "$@"; do
  pod=${arg%%=*}
  addr=${arg#*=}
  ip netns add $pod
  ip netns exec $pod sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link add veth-$pod type veth peer name eth0 netns $pod
  ip link set veth-$pod master cni0 up
  ip -n $pod addr add $addr/24 dev eth0
  ip -n $pod link set eth0 up
  ip -n $pod link set lo up
  ip -n $pod route add default via 10.244.1.1
  cat > /etc/pods/$pod.conf <<EOC
pid /run/nginx-$pod.pid;
error_log /var/log/nginx/$pod-error.log;
events {}
http {
  access_log off;
  server {
    listen 8080;
    location / { return 200 "${body//\{pod\}/$pod}"; }
  }
}
EOC
  ip netns exec $pod nginx -c /etc/pods/$pod.conf
done
