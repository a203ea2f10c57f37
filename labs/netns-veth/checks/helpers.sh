# Functions shared by this lab's checks, which run after the grader's own helpers (in_node,
# in_netns, fail, pass). Functions that fail end the check, so call them directly, never
# inside $(...), where fail would only end the subshell.

# Fails, with the grader's message, unless network namespace $1 exists on the node.
need_netns() {
  local out
  out=$(in_netns "$1" true) || fail "$out; create it with ip netns add $1"
}

# The veth interfaces of namespace $1, as ip's JSON.
veths() {
  in_netns "$1" ip -j link show type veth
}

# Sets END1 and END2 to the two ends of one veth pair, END1 in namespace $1 and END2 in $2, or
# fails saying what is wrong. The ends are matched both ways: each end's peer index
# (link_index) is the other's own index, and each peer lives in another namespace
# (link_netnsid). Both ends in one namespace, or two pairs that meet at a bridge, do not match.
veth_pair() {
  local links1 links2 pair
  need_netns "$1"
  need_netns "$2"
  links1=$(veths "$1") || fail "cannot list the links of $1"
  links2=$(veths "$2") || fail "cannot list the links of $2"
  pair=$(jq -nr --argjson a "$links1" --argjson b "$links2" '
    first($a[] as $x | $b[] | select($x.link_netnsid != null and .link_netnsid != null
      and $x.link_index == .ifindex and .link_index == $x.ifindex) | "\($x.ifname) \(.ifname)") // empty')
  if [ -n "$pair" ]; then
    read -r END1 END2 <<<"$pair"
    return 0
  fi
  explain_no_pair "$1" "$links1" "$2" "$links2"
}

# Fails with the reason namespaces $1 and $3 (links $2 and $4) hold no veth pair between them.
explain_no_pair() {
  local ns1=$1 links1=$2 ns2=$3 links2=$4 same node_peer
  same=$(jq -r 'map(select(.link_netnsid == null) | .ifname) | join(" and ")' <<<"$links1")
  [ -z "$same" ] || fail "both ends of the veth pair ($same) are in $ns1: move one end into $ns2"
  same=$(jq -r 'map(select(.link_netnsid == null) | .ifname) | join(" and ")' <<<"$links2")
  [ -z "$same" ] || fail "both ends of the veth pair ($same) are in $ns2: move one end into $ns1"
  node_peer=$(peer_in_node "$links1")
  [ -z "$node_peer" ] || fail "the peer of the veth end in $ns1 is $node_peer, still in the node's namespace: move it into $ns2"
  node_peer=$(peer_in_node "$links2")
  [ -z "$node_peer" ] || fail "the peer of the veth end in $ns2 is $node_peer, still in the node's namespace: move it into $ns1"
  [ "$(jq length <<<"$links1")" -gt 0 ] || fail "there is no veth end in $ns1"
  [ "$(jq length <<<"$links2")" -gt 0 ] || fail "there is no veth end in $ns2"
  fail "the veth ends in $ns1 and $ns2 belong to different pairs: one pair must join $ns1 and $ns2 directly"
}

# The name of the node-side peer of a veth end among links $1, if its peer is in the node.
peer_in_node() {
  jq -nr --argjson a "$1" --argjson n "$(in_node ip -j link show type veth)" '
    first($a[] as $x | $n[] | select($x.link_netnsid != null and .link_netnsid != null
      and $x.link_index == .ifindex and .link_index == $x.ifindex) | .ifname) // empty'
}

# Fails unless interface $2 of namespace $1 holds address $3 with prefix length $4, naming
# what is there instead: the address on another interface, or with another mask.
expect_address() {
  local ns=$1 end=$2 address=$3 prefix=$4 addrs holders holder length has
  addrs=$(in_netns "$ns" ip -j -4 addr show) || fail "cannot list the addresses of $ns"
  holders=$(jq -r --arg a "$address" '.[] | .ifname as $i | .addr_info[] | select(.local == $a) | "\($i) \(.prefixlen)"' <<<"$addrs")
  grep -qx "$end $prefix" <<<"$holders" && return 0
  read -r holder length <<<"$holders"
  if [ "$holder" = "$end" ]; then
    fail "$address on $end in $ns has mask /$length: give it /$prefix, so that the other end's address is on the same link"
  fi
  [ -z "$holder" ] || fail "$address is on $holder in $ns, not on the veth end $end: move it to $end"
  has=$(jq -r --arg i "$end" '[.[] | select(.ifname == $i) | .addr_info[] | "\(.local)/\(.prefixlen)"] | join(", ")' <<<"$addrs")
  fail "expected $address/$prefix on the veth end $end in $ns; it has ${has:-no IPv4 address}"
}

# True when interface $2 of namespace $1 shows flag $3 (UP: set up; LOWER_UP: has carrier).
has_flag() {
  in_netns "$1" ip -j link show dev "$2" | jq -e --arg f "$3" 'any(.[0].flags[]; . == $f)' >/dev/null
}

# Fails unless namespace $1 sends packets for $2 out of its interface $3, and $2 answers ping.
expect_ping() {
  local ns=$1 address=$2 end=$3 route kind dev
  route=$(in_netns "$ns" ip -j route get "$address" 2>/dev/null) || fail "$ns has no route to $address"
  kind=$(jq -r '.[0].type // "unicast"' <<<"$route")
  dev=$(jq -r '.[0].dev' <<<"$route")
  [ "$kind" != local ] || fail "$address is an address of $ns itself: $ns must reach it in the other namespace"
  [ "$dev" = "$end" ] || fail "in $ns, packets to $address leave through $dev, not through the veth end $end"
  in_netns "$ns" ping -c 2 -i 0.2 -W 1 "$address" >/dev/null || fail "$ns sends pings to $address through $end, but no answer comes back"
}
