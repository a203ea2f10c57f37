#!/bin/sh
# Plays kube-proxy for one Service: NodePort 30080 -> pod web-0 (10.244.2.2:8080), which runs on
# node2. `web-policy cluster` or `web-policy local` rewrites this node's rules for that
# externalTrafficPolicy and prints them. Chain names are short stand-ins for kube-proxy's
# KUBE-NODEPORTS / KUBE-EXT-* / KUBE-MARK-MASQ / KUBE-POSTROUTING.
set -e
nat() { iptables -t nat "$@"; }
nat -N WEB-NODEPORT 2>/dev/null || nat -F WEB-NODEPORT
nat -C PREROUTING -p tcp --dport 30080 -j WEB-NODEPORT 2>/dev/null || nat -A PREROUTING -p tcp --dport 30080 -j WEB-NODEPORT
nat -C POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE 2>/dev/null || nat -A POSTROUTING -m mark --mark 0x4000/0x4000 -j MASQUERADE
iptables -N WEB-NO-LOCAL 2>/dev/null || iptables -F WEB-NO-LOCAL
iptables -C FORWARD -j WEB-NO-LOCAL 2>/dev/null || iptables -I FORWARD -j WEB-NO-LOCAL
iptables -C INPUT -j WEB-NO-LOCAL 2>/dev/null || iptables -I INPUT -j WEB-NO-LOCAL
case "$1" in
  cluster)
    # any node forwards to the endpoint wherever it runs, and masquerades so the reply comes back
    nat -A WEB-NODEPORT -j MARK --set-xmark 0x4000/0x4000
    nat -A WEB-NODEPORT -p tcp -j DNAT --to-destination 10.244.2.2:8080 ;;
  local)
    if ip link show cni0 >/dev/null 2>&1 && ip route get 10.244.2.2 | grep -q cni0; then
      # an endpoint on this node: forward to it, source untouched
      nat -A WEB-NODEPORT -p tcp -j DNAT --to-destination 10.244.2.2:8080
    else
      # no endpoint here: drop, as kube-proxy does
      iptables -A WEB-NO-LOCAL -p tcp --dport 30080 -j DROP
    fi ;;
  *) echo "usage: web-policy cluster|local" >&2; exit 2 ;;
esac
echo "# $(hostname): externalTrafficPolicy $1"
nat -S WEB-NODEPORT | tail -n +2
iptables -S WEB-NO-LOCAL | tail -n +2
