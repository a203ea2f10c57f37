# The zone as unbound local-data, unbound listening on 10.53.0.53 only.
cat > /etc/unbound/shop.conf <<'CONF'
server:
  interface: 10.53.0.53
  do-ip6: no
  access-control: 0.0.0.0/0 allow
  username: ""
  chroot: ""
  pidfile: /run/unbound-shop.pid
  use-syslog: no
  local-zone: "shop.lab." static
  local-data: "www.shop.lab. {{ttl}} IN A {{www_ip}}"
  local-data: "www.shop.lab. IN AAAA fd00::80"
  local-data: "store.shop.lab. IN CNAME www.shop.lab."
  local-data: "shop.lab. IN MX 10 mail.shop.lab."
  local-data: "mail.shop.lab. IN A {{mail_ip}}"
  local-data: 'shop.lab. IN TXT "v=spf1 mx -all"'
  local-data: "_http._tcp.shop.lab. IN SRV 10 5 80 www.shop.lab."
remote-control:
  control-enable: no
CONF
unbound -c /etc/unbound/shop.conf
# Wait until the server answers, as a student would check with dig.
for i in $(seq 50); do dig @10.53.0.53 +time=1 +tries=1 +short www.shop.lab A | grep -q . && break; sleep 0.2; done
