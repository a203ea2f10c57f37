# Another repair: leave kube-proxy's chains be and put a chain of one's own in front of them,
# balancing by counting connections (every second one to web-1) instead of by chance.
set -euo pipefail
iptables -w -t nat -N WEB-REPAIR
iptables -w -t nat -A WEB-REPAIR -p tcp -m statistic --mode nth --every 2 --packet 0 -j DNAT --to-destination {{pods.host(2)}}:{{port}}
iptables -w -t nat -A WEB-REPAIR -p tcp -j DNAT --to-destination {{pods.host(3)}}:{{port}}
iptables -w -t nat -I PREROUTING 1 -d {{vip}}/32 -p tcp --dport 80 -j WEB-REPAIR
