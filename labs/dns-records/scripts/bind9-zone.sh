# The zone as a BIND zone file, served by named listening on 10.53.0.53 only.
mkdir -p /run/named && chown bind:bind /run/named
cat > /etc/bind/named.conf.shop <<'CONF'
options {
  directory "/var/cache/bind";
  pid-file "/run/named/named.pid";
  listen-on { 10.53.0.53; };
  listen-on-v6 { none; };
  recursion no;
};
controls { };
zone "shop.lab" {
  type primary;
  file "/etc/bind/db.shop.lab";
};
CONF
cat > /etc/bind/db.shop.lab <<'ZONE'
$TTL 3600
@      IN SOA ns.shop.lab. hostmaster.shop.lab. (1 3600 600 86400 300)
@      IN NS  ns
ns     IN A   10.53.0.53
@      IN MX  10 mail
@      IN TXT "v=spf1 mx -all"
www    {{ttl}} IN A {{www_ip}}
www    IN AAAA fd00::80
store  IN CNAME www
mail   IN A   {{mail_ip}}
_http._tcp IN SRV 10 5 80 www
ZONE
named -u bind -c /etc/bind/named.conf.shop
# Wait until the server answers, as a student would check with dig.
for i in $(seq 50); do dig @10.53.0.53 +time=1 +tries=1 +short www.shop.lab A | grep -q . && break; sleep 0.2; done
