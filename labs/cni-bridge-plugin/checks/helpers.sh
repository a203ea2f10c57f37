# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file,
# node_path, on_node, fail). Functions that fail end the check only when called directly,
# never inside $(...).

CONFLIST=/etc/cni/net.d/10-mynet.conflist
ALLOC_DIR=/var/lib/cni/networks/mynet

# Fails unless network namespace $1 exists on the node.
need_netns() {
  local out
  out=$(in_netns "$1" true) || fail "$out: create it with ip netns add $1 (the runtime's part), then attach it with the bridge plugin"
}

# An IPv4 address as a number; the caller passes a well-formed address (from ip -j).
ip_to_int() {
  local IFS=.
  # shellcheck disable=SC2086
  set -- $1
  echo $(( ($1 << 24) | ($2 << 16) | ($3 << 8) | $4 ))
}

# True when IPv4 address $1 lies in {{net}}.
in_pod_net() {
  local mask=$(( (0xffffffff << (32 - {{net.prefix}})) & 0xffffffff ))
  [ $(( $(ip_to_int "$1") & mask )) -eq "$(ip_to_int {{net.network}})" ]
}

# Sets ADDR (address), PREFIX and HOSTVETH (the node's end of the pair) for pod $1's eth0, or
# fails saying what is missing: the namespace, eth0, its veth peer on cni0, an address from the
# range. The peer is matched both ways (its index is eth0's peer index and its own peer index
# is eth0's), so an interface that only happens to share a number does not count.
attachment() {
  local pod=$1 links eth0 others peer index node_links host master found address length
  need_netns "$pod"
  links=$(in_netns "$pod" ip -j link show) || fail "cannot list the interfaces of $pod"
  eth0=$(jq -c '.[] | select(.ifname == "eth0")' <<<"$links")
  if [ -z "$eth0" ]; then
    others=$(jq -r '[.[] | select(.ifname != "lo") | .ifname] | join(", ")' <<<"$links")
    [ -z "$others" ] || fail "$pod has no eth0, but has $others: CNI_IFNAME is the name the plugin gives the pod's interface; DEL that attachment and ADD again with CNI_IFNAME=eth0"
    fail "$pod has no eth0 yet: attach it by running the bridge plugin with CNI_COMMAND=ADD, CNI_NETNS=/var/run/netns/$pod, CNI_IFNAME=eth0 and the bridge entry of your conflist on stdin"
  fi
  peer=$(jq -r '.link_index // empty' <<<"$eth0")
  index=$(jq -r '.ifindex' <<<"$eth0")
  [ -n "$peer" ] && [ "$(jq -r '.link_netnsid // empty' <<<"$eth0")" != "" ] \
    || fail "eth0 in $pod is not one end of a veth pair to the node: the bridge plugin makes a veth pair; DEL and ADD $pod again"
  node_links=$(in_node ip -j link show type veth) || fail "cannot list the veth interfaces of the node"
  host=$(jq -c --argjson i "$peer" --argjson me "$index" 'first(.[] | select(.ifindex == $i and .link_index == $me)) // empty' <<<"$node_links")
  [ -n "$host" ] || fail "the other end of eth0 in $pod is not in the node's namespace: the bridge plugin leaves it in the node, as a port of cni0"
  HOSTVETH=$(jq -r '.ifname' <<<"$host")
  master=$(jq -r '.master // "no bridge"' <<<"$host")
  [ "$master" = cni0 ] || fail "$HOSTVETH, the node's end of $pod's eth0, is attached to $master, not to cni0: the bridge plugin plugs it into the bridge its configuration names"
  found=$(in_netns "$pod" ip -j -4 addr show dev eth0 | jq -r '[.[0].addr_info[]? | "\(.local) \(.prefixlen)"] | .[]')
  [ -n "$found" ] || fail "eth0 in $pod has no IPv4 address: an ADD that failed half-way leaves a pod like this (read the error it printed); fix the cause, then DEL $pod and ADD it again"
  ADDR='' PREFIX=''
  while read -r address length; do
    if in_pod_net "$address"; then ADDR=$address PREFIX=$length; break; fi
  done <<<"$found"
  if [ -z "$ADDR" ]; then
    read -r address length <<<"$found"
    fail "eth0 in $pod has $address/$length, which is outside the pod range {{net}}: give host-local the range {{net}} in the conflist, then DEL and ADD $pod again"
  fi
  [ "$PREFIX" = {{net.prefix}} ] || fail "eth0 in $pod has $ADDR/$PREFIX: with host-local's range {{net}} the plugin gives /{{net.prefix}}, so that the pod sees the whole pod network on its link"
}

# The container ID host-local recorded for address $1 (empty if the address has no file). Its
# files hold the ID and the interface name, each followed by \r\n.
allocation_owner() {
  node_file "$ALLOC_DIR/$1" 2>/dev/null | head -n 1 | tr -d '\r'
}

allocation_ifname() {
  node_file "$ALLOC_DIR/$1" 2>/dev/null | sed -n 2p | tr -d '\r'
}

# The names of host-local's allocation files (addresses) that name container $1.
allocations_of() {
  local dir path
  dir=$(node_path "$ALLOC_DIR") || return 0
  for path in "$dir"/*; do
    [ -f "$path" ] && [ ! -L "$path" ] || continue
    case ${path##*/} in *[!0-9.]*|'') continue ;; esac
    [ "$(head -n 1 "$path" | tr -d '\r')" = "$1" ] && echo "${path##*/}"
  done
}

# The nat rules of the node, from both iptables back ends (the plugin uses whichever the
# node's iptables command is).
nat_rules() {
  in_node iptables-nft-save -t nat 2>/dev/null
  in_node iptables-legacy-save -t nat 2>/dev/null
}

# True when the nat table holds the bridge plugin's MASQUERADE rules for container $1.
has_masquerade_of() {
  nat_rules | grep -F -- "id: \\\"$1\\\"" | grep -q MASQUERADE
}

# Sets CONF to the conflist as compact JSON, or fails saying why there is none.
load_conflist() {
  local text
  text=$(node_file "$CONFLIST") || fail "there is no $CONFLIST yet: write the network configuration there"
  CONF=$(jq -ce . <<<"$text" 2>/dev/null) \
    || fail "$CONFLIST is not valid JSON ($(jq . <<<"$text" 2>&1 >/dev/null | head -n 1)): fix it; jq . $CONFLIST shows where"
  jq -e 'type == "object"' <<<"$CONF" >/dev/null || fail "$CONFLIST holds JSON, but not an object: a conflist is one object with cniVersion, name and plugins"
}
