# A node with cluster DNS that worked: pod {{pod}} on a veth, a CoreDNS stand-in (dnsmasq) at
# 10.96.0.10 that answers cluster.local and passes other names "upstream", and the pod's
# resolv.conf as a kubelet writes it. Then this attempt's fault rewrites that resolv.conf.
set -euo pipefail

ip netns add {{pod}}
ip link add veth-pod type veth peer name eth0 netns {{pod}}
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev veth-pod
ip link set veth-pod up
ip -n {{pod}} addr add {{pods.host(5)}}/{{pods.prefix}} dev eth0
ip -n {{pod}} link set lo up
ip -n {{pod}} link set eth0 up
ip -n {{pod}} route add default via {{pods.host(1)}}

ip addr add 10.96.0.10/32 dev lo
mkdir -p /etc/dnsmasq.d
cat > /etc/dnsmasq.d/cluster.conf <<'CONF'
# The cluster DNS (CoreDNS's job): cluster.local is answered here, never forwarded.
listen-address=10.96.0.10
bind-interfaces
no-resolv
no-hosts
local=/cluster.local/
pid-file=/run/dnsmasq-cluster.pid
host-record=web.default.svc.cluster.local,{{web_ip}}
host-record=db.{{db_ns}}.svc.cluster.local,{{db_ip}}
# What the upstream resolvers answer for names outside the cluster. The public top-level domain
# {{db_ns}} has a wildcard: every name under it exists out there.
address=/{{db_ns}}/{{outside_ip}}
CONF
dnsmasq --conf-file=/etc/dnsmasq.d/cluster.conf

# The fault is "SEARCH+NDOTS": what went wrong with the search line and with the ndots option.
fault={{fault}}
case ${fault%%+*} in
  no-search) search='' ;;
  other-namespace) search='search kube-system.svc.cluster.local svc.cluster.local cluster.local' ;;
  typo) search='search default.svc.cluster.lcoal svc.cluster.lcoal cluster.lcoal' ;;
  domain-after) search=$'search default.svc.cluster.local svc.cluster.local cluster.local\ndomain cluster.local' ;;
esac
case ${fault#*+} in
  no-options) options='' ;;
  ndots1) options='options ndots:1' ;;
  option-typo) options='option ndots:5' ;;
esac
mkdir -p /etc/netns/{{pod}}
{
  echo "nameserver 10.96.0.10"
  [ -z "$search" ] || echo "$search"
  [ -z "$options" ] || echo "$options"
} > /etc/netns/{{pod}}/resolv.conf
