# What ingress-nginx itself renders for the Ingress (abridged): with rewrite-target, each path
# becomes a case-insensitive regex location and a rewrite of its match. Same answers for the
# requests of this lab.
rm -f /etc/nginx/sites-enabled/default
mkdir -p /etc/nginx/tls
openssl req -x509 -newkey rsa:2048 -nodes -days 365 -subj "/O=Netdojo/CN={{host}}" \
  -addext "subjectAltName=DNS:{{host}},DNS:www.{{host}}" \
  -keyout /etc/nginx/tls/store.key -out /etc/nginx/tls/store.crt 2>/dev/null
cat > /etc/nginx/conf.d/ingress.conf <<'EOC'
upstream default-wear-service-80  { server {{pods.host(11)}}:{{port}}; }
upstream default-watch-service-80 { server {{pods.host(12)}}:{{port}}; }

server {
    server_name _;
    listen 80 default_server;
    location / { return 404; }
}

server {
    server_name {{host}};
    listen 80;
    listen 443 ssl;
    ssl_certificate     /etc/nginx/tls/store.crt;
    ssl_certificate_key /etc/nginx/tls/store.key;

    location ~* "^/watch" {
        if ($scheme = http) { return 308 https://$host$request_uri; }
        proxy_set_header Host $host;
        rewrite "(?i)/watch" / break;
        proxy_pass http://default-watch-service-80;
    }
    location ~* "^/wear" {
        if ($scheme = http) { return 308 https://$host$request_uri; }
        proxy_set_header Host $host;
        rewrite "(?i)/wear" / break;
        proxy_pass http://default-wear-service-80;
    }
    location / {
        if ($scheme = http) { return 308 https://$host$request_uri; }
        return 404;
    }
}
EOC
nginx
