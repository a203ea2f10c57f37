# Functions shared by this lab's checks (after the grader's in_node, in_netns, netns_file,
# node_file, fail). The grader lives in the host's PID namespace: it sees the node's processes
# under their host PIDs, and reads which network namespace each is in from /proc/PID/ns/net.
# Functions that fail end the check only when called directly, never inside $(...).

# The inode of network namespace $1 of the node: the identity /proc/PID/ns/net links show.
netns_inode() {
  local file
  file=$(netns_file "$1") || return 1
  stat -L -c %i "$file"
}

# The inode of the network namespace process $1 is in (empty if it is gone).
process_netns() {
  readlink "/proc/$1/ns/net" 2>/dev/null | tr -dc 0-9
}

# The host PIDs of the node's processes whose command name is $1.
node_processes_named() {
  local node_pidns pid
  node_pidns=$(readlink "/proc/$NODE_PID/ns/pid")
  for pid in $(pgrep -x -- "$1"); do
    [ "$(readlink "/proc/$pid/ns/pid" 2>/dev/null)" = "$node_pidns" ] && echo "$pid"
  done
}

# The PID process $1 has inside the node, which is the one ps there shows.
pid_in_node() {
  awk '/^NSpid:/ { print $NF }' "/proc/$1/status" 2>/dev/null
}

# Where a network namespace (by inode) is, in words.
describe_netns() {
  case $1 in
    "$(netns_inode {{pod1}})") echo "{{pod1}}" ;;
    "$(netns_inode {{pod2}})") echo "{{pod2}}, another pod" ;;
    "$(process_netns "$NODE_PID")") echo "the node's own network namespace" ;;
    *) echo "a network namespace of its own" ;;
  esac
}

# Sets PAUSE (host PID) to the pause process in {{pod1}}'s namespace, or fails saying where
# the pause processes are instead.
find_pause() {
  local pod1 pid others=''
  pod1=$(netns_inode {{pod1}}) || fail "network namespace {{pod1}} is gone: setup made it as the runtime would; start the lab again"
  for pid in $(node_processes_named pause); do
    if [ "$(process_netns "$pid")" = "$pod1" ]; then PAUSE=$pid; return 0; fi
    others="$others $pid"
  done
  for pid in $others; do
    case $(describe_netns "$(process_netns "$pid")") in
      "{{pod2}}"*) continue ;;
      *) fail "a pause process (pid $(pid_in_node "$pid") on the node) runs in $(describe_netns "$(process_netns "$pid")"), not in {{pod1}}: start it inside {{pod1}} (ip netns exec {{pod1}} ...) and stop the stray one" ;;
    esac
  done
  fail "no pause process runs in {{pod1}} yet (the one ps shows belongs to {{pod2}}): start /usr/local/bin/pause inside {{pod1}}, in the background"
}

# GET http://$1$2 from the node itself; prints the body, fails like curl when nothing answers.
http_get() {
  in_node curl -sS -m 4 "http://$1$2"
}

# A path no earlier request used, so that an old answer cannot count for this check.
fresh_path() {
  echo "/netdojo-$(date +%s%N)-$RANDOM"
}

# Fails with where port $2 really is when {{pod1}}'s address does not answer on it. $1 names
# what should listen there.
explain_port() {
  local what=$1 port=$2 here ns pod
  here=$(in_netns {{pod1}} ss -Hltn "sport = :$port" | awk '{ print $4 }')
  if [ -n "$here" ]; then
    if ! grep -qvE '^(127\.[0-9.]+|\[::1\]|\[::ffff:127\.[0-9.]+\]):' <<<"$here"; then
      fail "$what listens on $(tr '\n' ' ' <<<"$here")in {{pod1}} only: that is the pod's localhost, which the node and other pods cannot reach; let it listen on all addresses (0.0.0.0)"
    fi
    fail "something listens on port $port in {{pod1}} ($(tr '\n' ' ' <<<"$here" | sed 's/ $//')), but does not answer HTTP from the node"
  fi
  in_node ss -Hltn "sport = :$port" | grep -q . \
    && fail "nothing listens on port $port in {{pod1}}; $what listens on port $port in the node's own network namespace instead: start it inside the namespace the pause process holds (ip netns exec {{pod1}} ... or nsenter --net=/proc/PID/ns/net ...)"
  for pod in {{pod2}}; do
    in_netns "$pod" ss -Hltn "sport = :$port" | grep -q . \
      && fail "nothing listens on port $port in {{pod1}}; $what listens in $pod, another pod: a container joins its own pod's namespace, the one {{pod1}}'s pause process holds"
  done
  fail "nothing listens on port $port in {{pod1}}: start $what inside {{pod1}}'s namespace, in the background"
}
