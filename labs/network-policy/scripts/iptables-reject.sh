# The policies with iptables, written as ACCEPT rules in one chain and refused (REJECT) rather
# than dropped: a denied connection is then "refused" at once instead of timing out.
iptables -N NETPOL
iptables -A FORWARD -i cni0 -o cni0 -j NETPOL
iptables -A NETPOL -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
# connections from an egress-isolated pod must be allowed by its own policy ...
iptables -N EGRESS-OK
iptables -A NETPOL -s {{pods.host(10)}} -d {{pods.host(20)}} -p tcp --dport {{be_port}} -j EGRESS-OK
iptables -A NETPOL -s {{pods.host(10)}} -p udp --dport 53 -j EGRESS-OK
iptables -A NETPOL -s {{pods.host(10)}} -p tcp -j REJECT --reject-with tcp-reset
iptables -A NETPOL -s {{pods.host(10)}} -j REJECT
iptables -A NETPOL -s {{pods.host(30)}} -p tcp -j REJECT --reject-with tcp-reset
iptables -A NETPOL -s {{pods.host(30)}} -j REJECT
iptables -A NETPOL -j EGRESS-OK
# ... and by the receiving pod's ingress policies.
iptables -A EGRESS-OK -d {{pods.host(10)}} -p tcp --dport {{fe_port}} -m iprange ! --src-range {{pods.host(30)}}-{{pods.host(30)}} -s {{pods}} -j ACCEPT
iptables -A EGRESS-OK -d {{pods.host(20)}} -s {{pods.host(10)}} -p tcp --dport {{be_port}} -j ACCEPT
iptables -A EGRESS-OK -d {{pods.host(30)}} -s {{pods.host(20)}} -p tcp --dport {{db_port}} -j ACCEPT
iptables -A EGRESS-OK -d {{pods.host(10)}} -p tcp -j REJECT --reject-with tcp-reset
iptables -A EGRESS-OK -d {{pods.host(20)}} -p tcp -j REJECT --reject-with tcp-reset
iptables -A EGRESS-OK -d {{pods.host(30)}} -p tcp -j REJECT --reject-with tcp-reset
iptables -A EGRESS-OK -j ACCEPT
