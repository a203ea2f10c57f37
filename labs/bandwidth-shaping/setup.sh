# What the CNI plugin did for the pod on node01: a namespace, a veth pair with its host end
# veth-{{pod}} on the bridge cni0, an address and a default route. No traffic control yet.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up

ip netns add {{pod}}
ip link add veth-{{pod}} type veth peer name eth0 netns {{pod}}
ip link set veth-{{pod}} master cni0 up
ip -n {{pod}} addr add {{pods.host(2)}}/{{pods.prefix}} dev eth0
ip -n {{pod}} link set lo up
ip -n {{pod}} link set eth0 up
ip -n {{pod}} route add default via {{pods.host(1)}}
