# The NodePort in nftables, beside the ClusterIP's iptables rules: one table per node, hooked at
# prerouting and output for local destinations, masquerading what it sent on to a pod.
nft -f - <<'NFT'
table ip nodeport {
  chain services {
    fib daddr type local tcp dport {{nodeport}} meta mark set 0x4000 numgen random mod 2 vmap { 0 : goto to-web-1, 1 : goto to-web-2 }
  }
  chain to-web-1 { meta l4proto tcp dnat to {{pods.host(2)}}:{{port}}; }
  chain to-web-2 { meta l4proto tcp dnat to {{pods.host(3)}}:{{port}}; }
  chain prerouting { type nat hook prerouting priority dstnat; policy accept; jump services; }
  chain output { type nat hook output priority -100; policy accept; jump services; }
  chain postrouting { type nat hook postrouting priority srcnat; policy accept; meta mark 0x4000 masquerade; }
}
NFT
