# The NAT labs' topology: priv (10.10.0.2/24, default route via the node at 10.10.0.1) and
# outside (198.51.100.10/24, joined to the node at 198.51.100.1, no route back to priv). A web
# server in outside on port 80 and an app in priv on port 8080, each logging its clients to
# /var/log/web/. Forwarding starts off.
set -e
sysctl -qw net.ipv4.ip_forward=0
ip netns add priv
ip netns add outside
for ns in priv outside; do ip netns exec $ns sysctl -qw net.ipv4.ip_forward=0; done
ip link add veth-priv type veth peer name eth0 netns priv
ip link add veth-out type veth peer name eth0 netns outside
ip addr add 10.10.0.1/24 dev veth-priv
ip addr add 198.51.100.1/24 dev veth-out
ip link set veth-priv up
ip link set veth-out up
ip -n priv addr add 10.10.0.2/24 dev eth0
ip -n priv link set lo up
ip -n priv link set eth0 up
ip -n priv route add default via 10.10.0.1
ip -n outside addr add 198.51.100.10/24 dev eth0
ip -n outside link set lo up
ip -n outside link set eth0 up
mkdir -p /var/log/web
ip netns exec outside setsid python3 /opt/capture/web.py 198.51.100.10 80 'hello from outside' /var/log/web/outside.log </dev/null >/dev/null 2>&1 &
ip netns exec priv setsid python3 /opt/capture/web.py 10.10.0.2 8080 'hello from priv' /var/log/web/priv.log </dev/null >/dev/null 2>&1 &
for _ in $(seq 50); do
  ip netns exec outside ss -Hltn 'sport = :80' | grep -q . && ip netns exec priv ss -Hltn 'sport = :8080' | grep -q . && exit 0
  sleep 0.1
done
echo "the web servers did not start" >&2
exit 1
