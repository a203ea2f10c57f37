# Shared setup of the ingress captures: two backend "pods" (wear, watch) on the node's bridge,
# each its own nginx on 8080 that reports what reached it, and the node's nginx configured the
# way an ingress controller renders Ingress objects (started by the capture, not here).
set -e
ip link add cni0 type bridge
ip addr add 10.244.1.1/24 dev cni0
ip link set cni0 up
mkdir -p /etc/pods
n=11
for pod in wear watch; do
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
    location / { return 200 "$pod pod: GET \$request_uri, Host \$host, from \$remote_addr, X-Forwarded-For \$http_x_forwarded_for\n"; }
  }
}
EOC
  ip netns exec $pod nginx -c /etc/pods/$pod.conf
  n=$((n + 1))
done

rm -f /etc/nginx/sites-enabled/default
cat > /etc/nginx/conf.d/ingress.conf <<'EOC'
# Shared by every Ingress: headers for the backends, one upstream per Service port, and the
# default backend for requests whose Host no rule names.
proxy_set_header Host $host;
proxy_set_header X-Forwarded-For $remote_addr;

upstream default-wear-service-80  { server 10.244.1.11:8080; }
upstream default-watch-service-80 { server 10.244.1.12:8080; }

server {
    listen 80 default_server;
    location / { return 404 "default backend - 404\n"; }
}

# Ingress "by-host": one host per Service, path / passed through unchanged.
server {
    listen 80;
    server_name wear.my-online-store.com;
    location / { proxy_pass http://default-wear-service-80; }
}
server {
    listen 80;
    server_name watch.my-online-store.com;
    location / { proxy_pass http://default-watch-service-80; }
}
EOC
cat > /etc/nginx/conf.d/my-online-store.conf <<'EOC'
# Ingress "ingress-wear-watch": host my-online-store.com, paths /wear and /watch (Prefix),
# annotation nginx.ingress.kubernetes.io/rewrite-target: /
server {
    listen 80;
    server_name my-online-store.com;
    location ~ ^/wear(/|$)  { rewrite ^ / break; proxy_pass http://default-wear-service-80; }
    location ~ ^/watch(/|$) { rewrite ^ / break; proxy_pass http://default-watch-service-80; }
    location / { return 404 "default backend - 404\n"; }
}
EOC
