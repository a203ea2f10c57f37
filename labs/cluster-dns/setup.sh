# Builds the pod: network namespace client joined to the node by a veth pair, as a CNI plugin
# would. The DNS server and the pod's resolv.conf are the student's work.
set -euo pipefail

ip netns add client
ip link add veth-client type veth peer name eth0 netns client
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev veth-client
ip link set veth-client up
ip -n client addr add {{pods.host(5)}}/{{pods.prefix}} dev eth0
ip -n client link set lo up
ip -n client link set eth0 up
ip -n client route add default via {{pods.host(1)}}

# Empty folders for whichever server the student picks.
mkdir -p /etc/dnsmasq.d /etc/k8s-dns
