# Shared by this lab's checks; runs after the grader's helpers (in_node, in_netns, fail, pass).
# Functions that fail end the check: call them directly, never inside $(...).

BRIDGE={{bridge}}
GATEWAY={{net.host(5)}}
PREFIX={{net.prefix}}
TARGET=10.99.0.1
NAMESPACES="red blue orange gray"
declare -A ADDRESS=([red]={{net.host(1)}} [blue]={{net.host(2)}} [orange]={{net.host(3)}} [gray]={{net.host(4)}})

# One reply within 2 s, probing every 0.2 s: tolerant of a first ARP miss, quick when it works.
ping_from_ns() { in_netns "$1" ping -q -n -c1 -i0.2 -w2 "$2" >/dev/null 2>&1; }
ping_from_node() { in_node ping -q -n -c1 -i0.2 -w2 "$1" >/dev/null 2>&1; }

# Fails unless namespace $1 exists on the node.
need_netns() {
  local out
  out=$(in_netns "$1" true 2>&1) || fail "network namespace $1 does not exist: create it with ip netns add $1"
}
