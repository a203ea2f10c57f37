# Shared by this lab's checks; runs after the grader's helpers (in_node, in_netns, node_file,
# node_path, fail, pass). Functions that fail end the check: call them directly.

LEFT_IP={{left_net.host(10)}}
RIGHT_IP={{right_net.host(10)}}
ROUTER_LEFT={{left_net.host(1)}}
ROUTER_RIGHT={{right_net.host(1)}}

ping_from_ns() { in_netns "$1" ping -q -n -c1 -i0.2 -w2 "$2" >/dev/null 2>&1; }

need_netns() {
  in_netns "$1" true >/dev/null 2>&1 || fail "network namespace $1 is gone: reset the lab to get it back"
}

# Prints the interface of namespace $1 that holds address $2.
iface_with() {
  in_netns "$1" ip -j -4 addr show | jq -r --arg a "$2" 'first(.[] | select(any(.addr_info[]?; .local == $a)) | .ifname) // empty'
}
