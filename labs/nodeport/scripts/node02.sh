# node02's NodePort: the same jump, and masquerading so that the pod on node01 replies to node02.
iptables -t nat -N KUBE-NODEPORTS
iptables -t nat -A KUBE-NODEPORTS -p tcp --dport {{nodeport}} -j MARK --set-xmark 0x4000/0x4000
iptables -t nat -A KUBE-NODEPORTS -p tcp --dport {{nodeport}} -j KUBE-SVC-WEB
iptables -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
iptables -t nat -A OUTPUT -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS
iptables -t nat -A POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE
