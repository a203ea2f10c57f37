# A miniature DNS internet inside one node, on addresses of its loopback:
#   10.53.0.1   BIND, the root zone "."          10.53.0.2   BIND, the "lab." TLD
#   10.53.0.53  BIND, authoritative for shop.lab 10.53.0.10  unbound, a recursive resolver
# with root hints that point at 10.53.0.1 instead of the real root servers.
set -e
for a in 1 2 53 10; do ip addr add 10.53.0.$a/32 dev lo; done
mkdir -p /tmp/ns/root /tmp/ns/lab /tmp/ns/shop /tmp/ns/unbound

cat > /tmp/ns/root/db.root <<'ZONE'
$TTL 86400
@                    IN SOA a.root-servers.lab. hostmaster.root-servers.lab. 2026112601 1800 900 604800 86400
@                    IN NS  a.root-servers.lab.
a.root-servers.lab.  IN A   10.53.0.1
lab.                 IN NS  ns1.nic.lab.
ns1.nic.lab.         IN A   10.53.0.2
ZONE

cat > /tmp/ns/lab/db.lab <<'ZONE'
$ORIGIN lab.
$TTL 86400
@               IN SOA ns1.nic.lab. hostmaster.nic.lab. 2026112601 1800 900 604800 86400
@               IN NS  ns1.nic
ns1.nic         IN A   10.53.0.2
a.root-servers  IN A   10.53.0.1
shop            IN NS  ns1.shop
ns1.shop        IN A   10.53.0.53
ZONE

cp /opt/capture/db.shop.lab /tmp/ns/shop/db.shop.lab

# One named per zone, each with its own address, directory and pid file; no rndc channel.
for ns in root:.:10.53.0.1:db.root lab:lab:10.53.0.2:db.lab shop:shop.lab:10.53.0.53:db.shop.lab; do
  IFS=: read -r dir zone addr file <<<"$ns"
  cat > /tmp/ns/$dir/named.conf <<CONF
options {
  directory "/tmp/ns/$dir";
  pid-file "/tmp/ns/$dir/named.pid";
  session-keyfile "/tmp/ns/$dir/session.key";
  listen-on { $addr; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  notify no;
};
controls { };
zone "$zone" { type primary; file "/tmp/ns/$dir/$file"; };
CONF
  chown -R bind:bind /tmp/ns/$dir
  named -u bind -c /tmp/ns/$dir/named.conf -L /tmp/ns/$dir/named.log
done

cat > /tmp/ns/unbound/root.hints <<'HINTS'
.                    3600000  NS  a.root-servers.lab.
a.root-servers.lab.  3600000  A   10.53.0.1
HINTS
cat > /tmp/ns/unbound/unbound.conf <<'CONF'
server:
  interface: 10.53.0.10
  access-control: 0.0.0.0/0 allow
  do-ip6: no
  root-hints: "/tmp/ns/unbound/root.hints"
  # No DNSSEC: the miniature root is unsigned.
  module-config: "iterator"
  username: ""
  chroot: ""
  directory: "/tmp/ns/unbound"
  pidfile: "/tmp/ns/unbound/unbound.pid"
  use-syslog: no
  logfile: "/tmp/ns/unbound/unbound.log"
remote-control:
  control-enable: no
CONF
unbound -c /tmp/ns/unbound/unbound.conf

# The node's own lookups (and dig +trace's lookups of server names) go to unbound.
printf 'nameserver 10.53.0.10\nsearch shop.lab\n' > /etc/resolv.conf

for server in 10.53.0.1:. 10.53.0.2:lab 10.53.0.53:shop.lab; do
  for _ in $(seq 50); do
    dig @${server%%:*} ${server#*:} SOA +short +time=1 +tries=1 | grep -q . && break
    sleep 0.1
  done
done
# Wait for unbound without asking it anything, so that its cache starts empty.
for _ in $(seq 50); do
  ss -Hlun 'src 10.53.0.10 and sport = :53' | grep -q . && break
  sleep 0.1
done
