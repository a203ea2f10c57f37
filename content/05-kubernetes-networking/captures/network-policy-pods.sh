# Shared setup of the network-policy captures: three "pods" (network namespaces) on the node's
# bridge cni0, each serving HTTP on port 8080 with its own nginx, and a script that tries every
# pair of them.
set -e
ip link add cni0 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
mkdir -p /etc/pods
n=10
for pod in frontend backend other; do
  ip netns add $pod
  ip netns exec $pod sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip link add veth-$pod type veth peer name eth0 netns $pod
  ip link set veth-$pod master cni0 up
  ip -n $pod addr add 10.244.1.$n/24 dev eth0
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
    location / { return 200 "$pod answered \$remote_addr\n"; }
  }
}
EOC
  ip netns exec $pod nginx -c /etc/pods/$pod.conf
  n=$((n + 10))
done
cat > /root/matrix.sh <<'EOS'
# Try a TCP connection (HTTP on 8080) from every pod to every other pod.
declare -A ip=([frontend]=10.244.1.10 [backend]=10.244.1.20 [other]=10.244.1.30)
for src in frontend backend other; do
  for dst in frontend backend other; do
    [ $src = $dst ] && continue
    if ip netns exec $src curl -s -o /dev/null --max-time 0.5 http://${ip[$dst]}:8080/
    then echo "$src -> $dst: connected"
    else echo "$src -> $dst: timed out"
    fi
  done
done
EOS
