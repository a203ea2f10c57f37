# kube-proxy's nftables mode: a verdict map from a random number to one chain per endpoint.
sysctl -w net.ipv4.ip_forward=1 net.bridge.bridge-nf-call-iptables=1
nft -f - <<'NFT'
table ip svc {
  chain endpoint-web-1 { meta l4proto tcp dnat to {{pods.host(2)}}:{{port}}; }
  chain endpoint-web-2 { meta l4proto tcp dnat to {{pods.host(3)}}:{{port}}; }
  chain services {
    ip daddr {{vip}} tcp dport 80 numgen random mod 2 vmap { 0 : goto endpoint-web-1, 1 : goto endpoint-web-2 }
  }
  chain prerouting {
    type nat hook prerouting priority dstnat; policy accept;
    jump services
  }
}
NFT
