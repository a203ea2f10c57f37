# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file, on_node,
# fail). Functions that fail end the check only when called directly, never inside $(...).

# A path no earlier request used, so that an old line of the storage server's log cannot answer.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# Link $2 of network namespace $1 ("node" for the node's own) as one JSON object, empty if none.
link_json() {
  if [ "$1" = node ]; then
    in_node ip -d -j link show dev "$2" 2>/dev/null | jq -c '.[0] // empty'
  else
    in_netns "$1" ip -d -j link show dev "$2" 2>/dev/null | jq -c '.[0] // empty'
  fi
}

# The IPv4 addresses (address/prefix, one a line) of interface $1 in the pod.
pod_addresses() {
  in_netns {{pod}} ip -j -4 addr show dev "$1" 2>/dev/null | jq -r '.[0].addr_info[]? | "\(.local)/\(.prefixlen)"'
}

# The client address node02's storage server logged for a request of path $1 (empty if none).
storage_client() {
  on_node node02 >/dev/null
  node_file /var/log/storage/access.log | awk -v req="GET $1" 'index($0, req) { client = $2 } END { print client }'
}
