# A small DNS server for the host-resolver demos: dnsmasq on 10.53.0.53, answering for shop.lab
# (and saying NXDOMAIN for anything in corp.lab), with the decoy db.shop.lab -> 10.0.0.99 of the
# resolver-config lab. resolv.conf points at it with `search shop.lab`.
set -e
ip addr add 10.53.0.53/32 dev lo
cat > /etc/dnsmasq-shop.conf <<'CONF'
listen-address=10.53.0.53
bind-interfaces
no-resolv
no-hosts
local=/shop.lab/
local=/corp.lab/
host-record=www.shop.lab,10.0.0.80,fd00::80,300
host-record=mail.shop.lab,10.0.0.25
host-record=db.shop.lab,10.0.0.99
cname=store.shop.lab,www.shop.lab
CONF
dnsmasq --conf-file=/etc/dnsmasq-shop.conf
printf 'nameserver 10.53.0.53\nsearch shop.lab\n' > /etc/resolv.conf
for _ in $(seq 50); do
  dig @10.53.0.53 www.shop.lab +short +time=1 +tries=1 | grep -q . && exit 0
  sleep 0.1
done
echo "dnsmasq did not start" >&2
exit 1
