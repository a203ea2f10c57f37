# node02 runs no web pod: the cluster network already routes node01's pod CIDR to node01, and
# kube-proxy has written the same ClusterIP rules here as on every node.
set -euo pipefail

sysctl -qw net.ipv4.ip_forward=1
node01=$(getent ahostsv4 node01 | awk '{ print $1; exit }')
ip route add {{pods}} via "$node01"

iptables -t nat -N KUBE-SERVICES
iptables -t nat -N KUBE-SVC-WEB
iptables -t nat -A PREROUTING -j KUBE-SERVICES
iptables -t nat -A OUTPUT -j KUBE-SERVICES
iptables -t nat -A KUBE-SERVICES -d {{vip}}/32 -p tcp --dport 80 -j KUBE-SVC-WEB
iptables -t nat -A KUBE-SVC-WEB -p tcp -m statistic --mode random --probability 0.5 -j DNAT --to-destination {{pods.host(2)}}:{{port}}
iptables -t nat -A KUBE-SVC-WEB -p tcp -j DNAT --to-destination {{pods.host(3)}}:{{port}}
