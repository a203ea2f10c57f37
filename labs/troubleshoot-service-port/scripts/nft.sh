# Another repair, in nftables: a NAT chain that runs before iptables' (priority -110 < -100)
# and picks a backend per connection with numgen. The first NAT hook to translate wins.
set -euo pipefail
nft -f - <<'NFT'
table ip web-repair {
  chain prerouting {
    type nat hook prerouting priority -110; policy accept;
    ip daddr {{vip}} tcp dport 80 dnat to numgen random mod 2 map { 0 : {{pods.host(2)}}, 1 : {{pods.host(3)}} } : {{port}}
  }
}
NFT
