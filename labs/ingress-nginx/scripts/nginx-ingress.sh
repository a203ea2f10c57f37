# The whole ingress in nginx, written at once, in three files: the upstreams, the default
# backend, and the store's Ingress. Near-miss attempts change one of them afterwards.
rm -f /etc/nginx/sites-enabled/default
mkdir -p /etc/nginx/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN={{host}}" -addext "subjectAltName=DNS:{{host}}" \
  -keyout /etc/nginx/tls/{{host}}.key -out /etc/nginx/tls/{{host}}.crt 2>/dev/null
cat > /etc/nginx/conf.d/upstreams.conf <<'EOC'
proxy_set_header Host $host;
proxy_set_header X-Forwarded-For $remote_addr;
upstream default-wear-service-80  { server {{pods.host(11)}}:{{port}}; }
upstream default-watch-service-80 { server {{pods.host(12)}}:{{port}}; }
EOC
cat > /etc/nginx/conf.d/default-backend.conf <<'EOC'
server {
    listen 80 default_server;
    location / { return 404 "default backend - 404\n"; }
}
EOC
cat > /etc/nginx/conf.d/store.conf <<'EOC'
server {
    listen 80;
    server_name {{host}};
    return 308 https://$host$request_uri;
}
server {
    listen 443 ssl;
    server_name {{host}};
    ssl_certificate     /etc/nginx/tls/{{host}}.crt;
    ssl_certificate_key /etc/nginx/tls/{{host}}.key;
    location /wear  { rewrite ^ / break; proxy_pass http://default-wear-service-80; }
    location /watch { rewrite ^ / break; proxy_pass http://default-watch-service-80; }
    location /      { return 404 "default backend - 404\n"; }
}
EOC
nginx
