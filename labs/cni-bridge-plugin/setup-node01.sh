# node01 is a Kubernetes node whose runtime crashed: it once attached pod {{old}} to network
# mynet with the real bridge plugin, and never called DEL. The student's conflist must describe
# the same network for their DEL to find what this ADD left behind.
set -euo pipefail

ip netns add {{old}}
# The configuration goes in on stdin only: nothing in /etc/cni/net.d gives the student's
# conflist away, and the first task must fail until they write it.
CNI_COMMAND=ADD CNI_CONTAINERID={{old}} CNI_NETNS=/var/run/netns/{{old}} CNI_IFNAME=eth0 \
  CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge >/dev/null <<'JSON'
{
  "cniVersion": "1.0.0",
  "name": "mynet",
  "type": "bridge",
  "bridge": "cni0",
  "isGateway": true,
  "ipMasq": true,
  "ipam": {
    "type": "host-local",
    "ranges": [[{ "subnet": "{{net}}" }]],
    "routes": [{ "dst": "0.0.0.0/0" }]
  }
}
JSON

# The DEL task and its messages name this address: host-local hands out the first free host
# after the gateway.
if [ ! -f /var/lib/cni/networks/mynet/{{net.host(2)}} ]; then
  echo "host-local gave {{old}} another address than {{net.host(2)}}:" >&2
  ls /var/lib/cni/networks/mynet >&2
  exit 1
fi
