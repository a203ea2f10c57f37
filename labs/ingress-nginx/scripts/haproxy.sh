# The same ingress with haproxy: one frontend for ports 80 and 443, ACLs on Host and path.
mkdir -p /etc/haproxy/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN={{host}}" -addext "subjectAltName=DNS:{{host}}" \
  -keyout /tmp/store.key -out /tmp/store.crt 2>/dev/null
cat /tmp/store.crt /tmp/store.key > /etc/haproxy/tls/{{host}}.pem
rm /tmp/store.key /tmp/store.crt
cat > /etc/haproxy/ingress.cfg <<'EOC'
global
    daemon
    pidfile /run/haproxy-ingress.pid

defaults
    mode http
    timeout connect 5s
    timeout client 30s
    timeout server 30s

frontend ingress
    bind :80
    bind :443 ssl crt /etc/haproxy/tls/{{host}}.pem
    acl store req.hdr(host),field(1,:),lower -m str {{host}}
    acl wear  path /wear
    acl wear  path_beg /wear/
    acl watch path /watch
    acl watch path_beg /watch/
    http-request redirect scheme https code 308 if store !{ ssl_fc }
    use_backend wear-service  if store wear
    use_backend watch-service if store watch
    default_backend default-backend

backend wear-service
    http-request set-path /
    server wear {{pods.host(11)}}:{{port}}

backend watch-service
    http-request set-path /
    server watch {{pods.host(12)}}:{{port}}

backend default-backend
    http-request return status 404 content-type text/plain string "default backend - 404"
EOC
haproxy -c -q -f /etc/haproxy/ingress.cfg
haproxy -f /etc/haproxy/ingress.cfg
