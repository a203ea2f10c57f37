# The whole cluster zone in one dnsmasq file, and the pod's resolv.conf, written at once.
ip addr add 10.96.0.10/32 dev lo
cat > /etc/dnsmasq.d/cluster.conf <<'CONF'
listen-address=10.96.0.10
bind-interfaces
no-resolv
no-hosts
local=/cluster.local/
pid-file=/run/dnsmasq-cluster.pid
host-record=web.default.svc.cluster.local,{{web_ip}}
host-record=db.{{db_ns}}.svc.cluster.local,{{db_ip}}
host-record=peers.default.svc.cluster.local,{{peers.host(11)}}
host-record=peers.default.svc.cluster.local,{{peers.host(12)}}
host-record=peers.default.svc.cluster.local,{{peers.host(13)}}
srv-host=_http._tcp.web.default.svc.cluster.local,web.default.svc.cluster.local,{{web_port}},0,100
host-record={{pod_dashed}}.default.pod.cluster.local,POD_IP
CONF
sed -i "s/POD_IP/$(tr - . <<<'{{pod_dashed}}')/" /etc/dnsmasq.d/cluster.conf
dnsmasq --conf-file=/etc/dnsmasq.d/cluster.conf
mkdir -p /etc/netns/client
printf '%s\n' 'search default.svc.cluster.local svc.cluster.local cluster.local' 'nameserver 10.96.0.10' 'options ndots:5' > /etc/netns/client/resolv.conf
for i in $(seq 50); do dig @10.96.0.10 +time=1 +tries=1 +short web.default.svc.cluster.local | grep -q . && break; sleep 0.1; done
