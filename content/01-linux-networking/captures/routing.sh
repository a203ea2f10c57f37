# The routing-gateway lab's topology: left (10.1.1.10/24) and right (10.2.2.10/24) joined by
# namespace router (10.1.1.1 on to-left, 10.2.2.1 on to-right). Forwarding starts off everywhere
# (new namespaces inherit the host's setting otherwise).
set -e
sysctl -qw net.ipv4.ip_forward=0
for ns in left router right; do
  ip netns add $ns
  ip netns exec $ns sysctl -qw net.ipv4.ip_forward=0
  ip -n $ns link set lo up
done
ip link add eth0 netns left type veth peer name to-left netns router
ip link add eth0 netns right type veth peer name to-right netns router
ip -n left addr add 10.1.1.10/24 dev eth0
ip -n router addr add 10.1.1.1/24 dev to-left
ip -n router addr add 10.2.2.1/24 dev to-right
ip -n right addr add 10.2.2.10/24 dev eth0
ip -n left link set eth0 up
ip -n right link set eth0 up
ip -n router link set to-left up
ip -n router link set to-right up
