# The cluster zone as a BIND zone file served by named.
ip addr add 10.96.0.10/32 dev lo
mkdir -p /run/named && chown bind:bind /run/named
pod_ip=$(tr - . <<<'{{pod_dashed}}')
cat > /etc/bind/named.conf.cluster <<'CONF'
options {
  directory "/var/cache/bind";
  pid-file "/run/named/named.pid";
  listen-on { 10.96.0.10; };
  listen-on-v6 { none; };
  recursion no;
};
controls { };
zone "cluster.local" {
  type primary;
  file "/etc/bind/db.cluster.local";
};
CONF
cat > /etc/bind/db.cluster.local <<ZONE
\$TTL 30
@   IN SOA ns.dns.kube-system.svc.cluster.local. hostmaster.cluster.local. (1 7200 1800 86400 30)
@   IN NS  ns.dns.kube-system.svc.cluster.local.
ns.dns.kube-system.svc IN A 10.96.0.10
web.default.svc        IN A {{web_ip}}
db.{{db_ns}}.svc       IN A {{db_ip}}
peers.default.svc      IN A {{peers.host(11)}}
peers.default.svc      IN A {{peers.host(12)}}
peers.default.svc      IN A {{peers.host(13)}}
_http._tcp.web.default.svc IN SRV 0 100 {{web_port}} web.default.svc
{{pod_dashed}}.default.pod IN A $pod_ip
ZONE
named -u bind -c /etc/bind/named.conf.cluster
mkdir -p /etc/netns/client
printf '%s\n' 'nameserver 10.96.0.10' 'search default.svc.cluster.local svc.cluster.local cluster.local' 'options ndots:5' > /etc/netns/client/resolv.conf
for i in $(seq 50); do dig @10.96.0.10 +time=1 +tries=1 +short web.default.svc.cluster.local | grep -q . && break; sleep 0.2; done
