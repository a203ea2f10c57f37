# Shared setup of the ingress captures: two backend "pods" (wear, watch) on the node's bridge,
# each its own nginx on 8080 that reports what reached it, and the node's nginx configured by
# hand to follow the Ingress rules (started by the capture, not here).
set -e
bash /opt/capture/bridge-pods.sh \
  '{pod} pod: GET $request_uri, Host $host, from $remote_addr, X-Forwarded-For $http_x_forwarded_for\n' \
  wear=10.244.1.11 watch=10.244.1.12

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
# Written by hand from the Ingress spec: host my-online-store.com, Prefix paths /wear and /watch
# matched whole path elements, each backend sent / (what rewrite-target: / asks for). ingress-nginx
# itself renders case-insensitive regex locations for such a host instead (see the lesson).
server {
    listen 80;
    server_name my-online-store.com;
    location ~ ^/wear(/|$)  { rewrite ^ / break; proxy_pass http://default-wear-service-80; }
    location ~ ^/watch(/|$) { rewrite ^ / break; proxy_pass http://default-watch-service-80; }
    location / { return 404 "default backend - 404\n"; }
}
EOC
