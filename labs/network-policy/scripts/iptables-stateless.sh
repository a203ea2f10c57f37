# The policies' chains without a rule for established connections: every reply meets the chains too.
iptables -N NP-frontend-egress
iptables -A NP-frontend-egress -d {{pods.host(20)}} -p tcp --dport {{be_port}} -j RETURN
iptables -A NP-frontend-egress -p udp --dport 53 -j RETURN
iptables -A NP-frontend-egress -j DROP
iptables -A FORWARD -s {{pods.host(10)}} -j NP-frontend-egress
iptables -A FORWARD -s {{pods.host(30)}} -j DROP
iptables -N NP-frontend-ingress
iptables -A NP-frontend-ingress -s {{pods.host(30)}} -j DROP
iptables -A NP-frontend-ingress -s {{pods}} -p tcp --dport {{fe_port}} -j RETURN
iptables -A NP-frontend-ingress -j DROP
iptables -A FORWARD -d {{pods.host(10)}} -j NP-frontend-ingress
iptables -N NP-backend-ingress
iptables -A NP-backend-ingress -s {{pods.host(10)}} -p tcp --dport {{be_port}} -j RETURN
iptables -A NP-backend-ingress -j DROP
iptables -A FORWARD -d {{pods.host(20)}} -j NP-backend-ingress
iptables -N NP-db-ingress
iptables -A NP-db-ingress -s {{pods.host(20)}} -p tcp --dport {{db_port}} -j RETURN
iptables -A NP-db-ingress -j DROP
iptables -A FORWARD -d {{pods.host(30)}} -j NP-db-ingress
