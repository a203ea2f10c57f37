# The same policies as one nftables table: a chain per pod and direction, replies accepted first.
nft -f - <<'NFT'
table inet netpol {
  chain forward {
    type filter hook forward priority 0; policy accept;
    ct state established,related accept
    ip saddr {{pods.host(10)}} jump frontend-egress
    ip saddr {{pods.host(30)}} jump db-egress
    ip daddr {{pods.host(10)}} jump frontend-ingress
    ip daddr {{pods.host(20)}} jump backend-ingress
    ip daddr {{pods.host(30)}} jump db-ingress
  }
  chain frontend-egress {
    ip daddr {{pods.host(20)}} tcp dport {{be_port}} return
    udp dport 53 return
    drop
  }
  chain db-egress {
    drop
  }
  chain frontend-ingress {
    ip saddr {{pods.host(30)}} drop
    ip saddr {{pods}} tcp dport {{fe_port}} return
    drop
  }
  chain backend-ingress {
    ip saddr {{pods.host(10)}} tcp dport {{be_port}} return
    drop
  }
  chain db-ingress {
    ip saddr {{pods.host(20)}} tcp dport {{db_port}} return
    drop
  }
}
NFT
