# The chains kube-proxy's iptables mode writes: KUBE-SERVICES, a KUBE-SVC chain per Service and
# a KUBE-SEP chain per endpoint (which also masquerades a pod that reaches itself through the VIP).
sysctl -w net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1
for chain in KUBE-SERVICES KUBE-SVC-WEB KUBE-SEP-WEB1 KUBE-SEP-WEB2 KUBE-MARK-MASQ KUBE-POSTROUTING; do
  iptables -t nat -N $chain
done
iptables -t nat -A PREROUTING -j KUBE-SERVICES
iptables -t nat -A OUTPUT -j KUBE-SERVICES
iptables -t nat -A POSTROUTING -j KUBE-POSTROUTING
iptables -t nat -A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000
iptables -t nat -A KUBE-POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE
iptables -t nat -A KUBE-SERVICES -d {{vip}}/32 -p tcp --dport 80 -j KUBE-SVC-WEB
iptables -t nat -A KUBE-SVC-WEB -m statistic --mode random --probability 0.5 -j KUBE-SEP-WEB1
iptables -t nat -A KUBE-SVC-WEB -j KUBE-SEP-WEB2
iptables -t nat -A KUBE-SEP-WEB1 -s {{pods.host(2)}}/32 -j KUBE-MARK-MASQ
iptables -t nat -A KUBE-SEP-WEB1 -p tcp -j DNAT --to-destination {{pods.host(2)}}:{{port}}
iptables -t nat -A KUBE-SEP-WEB2 -s {{pods.host(3)}}/32 -j KUBE-MARK-MASQ
iptables -t nat -A KUBE-SEP-WEB2 -p tcp -j DNAT --to-destination {{pods.host(3)}}:{{port}}
