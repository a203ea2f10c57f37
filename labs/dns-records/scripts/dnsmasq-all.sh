# The whole zone in one dnsmasq file, written at once.
cat > /etc/dnsmasq.d/shop.conf <<'CONF'
listen-address=10.53.0.53
bind-interfaces
no-resolv
no-hosts
local=/shop.lab/
pid-file=/run/dnsmasq-shop.pid
host-record=www.shop.lab,{{www_ip}},fd00::80,{{ttl}}
host-record=mail.shop.lab,{{mail_ip}}
cname=store.shop.lab,www.shop.lab
mx-host=shop.lab,mail.shop.lab,10
txt-record=shop.lab,"v=spf1 mx -all"
srv-host=_http._tcp.shop.lab,www.shop.lab,80,10,5
CONF
dnsmasq --conf-file=/etc/dnsmasq.d/shop.conf
# Wait until the server answers, as a student would check with dig.
for i in $(seq 50); do dig @10.53.0.53 +time=1 +tries=1 +short www.shop.lab A | grep -q . && break; sleep 0.2; done
