# node01's NodePort for connections that arrive from elsewhere (PREROUTING) only.
iptables -t nat -N KUBE-NODEPORTS
iptables -t nat -A KUBE-NODEPORTS -p tcp --dport {{nodeport}} -j KUBE-SVC-WEB
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
