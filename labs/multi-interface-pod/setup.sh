# node01: what the cluster's CNI plugin did for the pod (eth0 on cni0 with a default route), and
# a stand-in for cluster services at {{svc}} on the node's loopback. The storage network is the
# node network's wire, where node02's storage server also has an address in {{storage}}.
set -euo pipefail

ip link add cni0 type bridge
ip addr add {{pods.host(1)}}/{{pods.prefix}} dev cni0
ip link set cni0 up
ip addr add {{svc}}/32 dev lo

ip netns add {{pod}}
ip link add veth-{{pod}} type veth peer name eth0 netns {{pod}}
ip link set veth-{{pod}} master cni0 up
ip -n {{pod}} addr add {{pods.host(2)}}/{{pods.prefix}} dev eth0
ip -n {{pod}} link set lo up
ip -n {{pod}} link set eth0 up
ip -n {{pod}} route add default via {{pods.host(1)}}
