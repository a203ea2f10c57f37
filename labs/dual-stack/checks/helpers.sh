# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file, fail).
# Functions that fail end the check only when called directly, never inside $(...).

# A path no earlier request used, so that an old line of the app's log cannot answer for it.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# net.ipv6.conf.$2.disable_ipv6 in namespace $1 ("node" for the node's own).
ipv6_disabled() {
  if [ "$1" = node ]; then
    in_node cat "/proc/sys/net/ipv6/conf/$2/disable_ipv6" 2>/dev/null
  else
    in_netns "$1" cat "/proc/sys/net/ipv6/conf/$2/disable_ipv6" 2>/dev/null
  fi
}

# The global IPv6 addresses of eth0 in pod $1, as address/prefix [flags], one a line.
pod_ipv6() {
  in_netns "$1" ip -j -6 addr show dev eth0 scope global 2>/dev/null \
    | jq -r '.[0].addr_info[]? | "\(.local)/\(.prefixlen)" + (if .dadfailed then " dadfailed" elif .tentative then " tentative" else "" end)'
}

# The client address the app in {{b}} logged for a request of path $1 (empty if none).
logged_client() {
  node_file /var/log/pods/web.log | awk -v req="GET $1" 'index($0, req) { client = $2 } END { print client }'
}

# Fails saying why pod $1 has no usable IPv6 when IPv6 is switched off in it.
explain_disabled() {
  local pod=$1 all eth0
  all=$(ipv6_disabled "$pod" all); eth0=$(ipv6_disabled "$pod" eth0)
  [ "$eth0" = 1 ] && fail "IPv6 is disabled in $pod (net.ipv6.conf.eth0.disable_ipv6 = 1; all = ${all:-?}): the kernel removed eth0's IPv6 addresses and refuses new ones; set it to 0 inside $pod and add the address again"
  [ "$all" = 1 ] && fail "IPv6 is disabled in $pod (net.ipv6.conf.all.disable_ipv6 = 1): set it to 0 inside $pod and add eth0's IPv6 address again"
  return 0
}
