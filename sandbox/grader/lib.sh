# Helpers for lab check scripts. Checks run in Netdojo's grader container, never in the
# student's node: the student is root there and may replace any binary or file. Every tool
# used here is the grader's own (a read-only copy of the lab image); the node is only entered
# through its network namespace, and its files are read with symlinks resolved inside the node.
#
# Environment set by the grader: NODE (the node checked), NODE_PID (its PID 1 on the host),
# NODE_PIDS ("node01=123 node02=456", every node of the run).
set -o pipefail
export LC_ALL=C

# Print a message for the student and end the check.
fail() { echo "$*"; exit 1; }
pass() { echo "$*"; exit 0; }

# Switch the helpers below to another node of the run: on_node node02
on_node() {
  local entry
  for entry in $NODE_PIDS; do
    if [ "${entry%%=*}" = "$1" ]; then NODE=$1; NODE_PID=${entry#*=}; return 0; fi
  done
  echo "no node named $1 in this run"; return 1
}

# Resolve PATH inside the node's filesystem, following symlinks relative to the node's root
# (a symlink resolved naively through /proc/PID/root would point into the grader's own files).
node_path() {
  local root=/proc/$NODE_PID/root rest=$1 done_path='' part target hops=0
  while [ -n "$rest" ]; do
    rest=${rest#/}
    part=${rest%%/*}
    if [ "$part" = "$rest" ]; then rest=''; else rest=${rest#*/}; fi
    case $part in
      ''|.) continue ;;
      ..) done_path=${done_path%/*}; continue ;;
    esac
    if [ -L "$root$done_path/$part" ]; then
      hops=$((hops + 1)); [ $hops -le 40 ] || { echo "too many symlinks in $1" >&2; return 1; }
      target=$(readlink "$root$done_path/$part")
      case $target in /*) done_path=''; rest="$target/$rest" ;; *) rest="$target/$rest" ;; esac
    else
      done_path="$done_path/$part"
    fi
  done
  echo "$root${done_path:-/}"
}

# Print a file of the node: node_file /etc/hosts
node_file() {
  local path
  path=$(node_path "$1") && [ -f "$path" ] && cat "$path"
}

# Run a command in the node's own network namespace: in_node ip -j addr
in_node() { nsenter --net="/proc/$NODE_PID/ns/net" -- "$@"; }

# The file of a named network namespace the student made in the node, checked to be the
# node's own: no symlink anywhere on the way, and a real namespace (nsfs) at the end.
netns_file() {
  local dir=/proc/$NODE_PID/root/run/netns
  if [ -L "/proc/$NODE_PID/root/run" ] || [ -L "$dir" ] || [ -L "$dir/$1" ] || [ ! -e "$dir/$1" ] \
     || [ "$(stat -f -c %T "$dir/$1" 2>/dev/null)" != nsfs ]; then
    echo "network namespace \"$1\" does not exist on $NODE"; return 1
  fi
  echo "$dir/$1"
}

# Run a command in a named network namespace of the node: in_netns red ping -c1 10.0.0.1
in_netns() {
  local file
  file=$(netns_file "$1") || { echo "$file"; return 1; }
  shift
  nsenter --net="$file" -- "$@"
}

# Resolve a name the way a program in the node (or in its netns NS) would, with the node's
# /etc/hosts, resolv.conf and nsswitch.conf but the grader's own libc and getent:
#   node_getent hosts www           node_getent --netns client hosts web
node_getent() {
  local netns='' nsfile="/proc/$NODE_PID/ns/net" dir f
  if [ "$1" = --netns ]; then
    netns=$2; shift 2
    nsfile=$(netns_file "$netns") || { echo "$nsfile"; return 1; }
  fi
  dir=$(mktemp -d)
  for f in hosts resolv.conf nsswitch.conf; do
    node_file "/etc/$f" > "$dir/$f" 2>/dev/null || : > "$dir/$f"
    # `ip netns exec` shows a namespace /etc/netns/NAME/FILE in place of /etc/FILE.
    if [ -n "$netns" ] && node_file "/etc/netns/$netns/$f" > "$dir/$f.ns" 2>/dev/null; then mv "$dir/$f.ns" "$dir/$f"; fi
    rm -f "$dir/$f.ns"
  done
  # The engine's resolver (127.0.0.11, the node's default) forwards to servers a sandbox cannot
  # reach and takes ~20 s to give up: one short try per server keeps checks inside their timeout.
  RES_OPTIONS=${RES_OPTIONS:-timeout:2 attempts:1} unshare --mount --propagation private -- bash -c '
    dir=$1; shift
    for f in hosts resolv.conf nsswitch.conf; do mount --bind "$dir/$f" "/etc/$f"; done
    exec "$@"' _ "$dir" nsenter --net="$nsfile" -- getent "$@"
  local rc=$?
  rm -rf "$dir"
  return $rc
}
