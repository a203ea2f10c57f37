# The Service as it was while web-3 was still an endpoint: three rules, 1/3, 1/2 and the rest.
sysctl -w net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1
iptables -t nat -N KUBE-SVC-WEB
iptables -t nat -A PREROUTING -d {{vip}}/32 -p tcp --dport 80 -j KUBE-SVC-WEB
iptables -t nat -A KUBE-SVC-WEB -p tcp -m statistic --mode random --probability 0.33333 -j DNAT --to-destination {{pods.host(2)}}:{{port}}
iptables -t nat -A KUBE-SVC-WEB -p tcp -m statistic --mode random --probability 0.5 -j DNAT --to-destination {{pods.host(3)}}:{{port}}
iptables -t nat -A KUBE-SVC-WEB -p tcp -j DNAT --to-destination {{pods.host(4)}}:{{port}}
