# The topology of "Building it on a real system": namespaces red and blue, each joined by a veth
# pair to bridge v-net-0 in the node, which holds 192.168.15.5/24.
set -e
ip link add v-net-0 type bridge
ip link set v-net-0 up
ip addr add 192.168.15.5/24 dev v-net-0
n=1
for ns in red blue; do
  ip netns add $ns
  ip link add veth-$ns type veth peer name veth-$ns-br
  ip link set veth-$ns netns $ns
  ip link set veth-$ns-br master v-net-0 up
  ip -n $ns addr add 192.168.15.$n/24 dev veth-$ns
  ip -n $ns link set veth-$ns up
  ip -n $ns link set lo up
  n=$((n + 1))
done
# The "outside world" of the linux-bridge lab: an address only the node owns.
ip addr add 10.99.0.1/32 dev lo
# Let IPv6 duplicate address detection finish, so addresses are no longer "tentative".
sleep 2
