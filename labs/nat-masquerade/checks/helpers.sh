# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file, fail).

# A path no earlier request used, so that an old line of the server's log cannot answer for it.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# The client address the web server in outside logged for a request of path $1 (empty if none).
logged_client() {
  node_file /var/log/netdojo/access.log | awk -v req="\"GET $1 " 'index($0, req) { client = $1 } END { print client }'
}

# The node's net.ipv4.ip_forward, read in the node's own network namespace.
node_forwarding() {
  in_node cat /proc/sys/net/ipv4/ip_forward
}
