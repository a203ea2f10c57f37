# Shared by this lab's checks, after the grader's helpers. Names are resolved with the grader's
# own libc and getent inside the pod's namespace, with the pod's resolv.conf and hosts files.
DNS=10.96.0.10
KUBELET_SEARCH="default.svc.cluster.local svc.cluster.local cluster.local"

# The pod's resolv.conf without comments (empty if it does not exist).
pod_resolv() {
  node_file /etc/netns/{{pod}}/resolv.conf 2>/dev/null | sed 's/[#;].*//'
}

# The search list the resolver uses: the last search or domain line wins.
pod_search() {
  pod_resolv | awk '$1 == "search" || $1 == "domain" { $1 = ""; line = $0 } END { print line }' | xargs
}

# The ndots the resolver uses (1 when no options line sets it).
pod_ndots() {
  pod_resolv | awk 'BEGIN { n = 1 } $1 == "options" { for (i = 2; i <= NF; i++) if ($i ~ /^ndots:/) { v = $i; sub(/^ndots:/, "", v); n = v + 0 } } END { print n }'
}

# The IPv4 addresses a program in the pod gets for NAME, sorted, joined with ", ".
pod_lookup() {
  node_getent --netns {{pod}} ahostsv4 "$1" 2>/dev/null | awk '{ print $1 }' | sort -u | paste -sd, - | sed 's/,/, /g'
}

# The hosts file the pod sees.
pod_hosts() {
  node_file /etc/netns/{{pod}}/hosts 2>/dev/null || node_file /etc/hosts
}

# One query of the grader's dig from inside the pod: dig_a NAME prints the A records (sorted).
dig_a() {
  in_netns {{pod}} dig @"$DNS" +time=2 +tries=2 +short "$1" A 2>/dev/null | grep -E '^[0-9.]+$' | sort -u | paste -sd, - | sed 's/,/, /g'
}

# Why NAME (with DOTS dots) finds nothing in the pod, judged from the pod's resolv.conf.
why_unresolved() {
  local name=$1 dots search ndots
  dots=$(tr -cd . <<<"$name" | wc -c)
  search=$(pod_search)
  ndots=$(pod_ndots)
  if [ -z "$search" ]; then
    echo "the pod's resolv.conf has no search line, so $name is only ever asked as it is, and no such name exists outside the cluster"
  elif [ "$(awk '{ print $1 }' <<<"$search")" != default.svc.cluster.local ] && ! grep -qw default.svc.cluster.local <<<"$search"; then
    echo "the search list the resolver uses is \"$search\" (the last search or domain line wins), which never turns $name into a name of namespace default"
  elif [ "$dots" -ge "$ndots" ]; then
    echo "$name has $dots dot(s), not fewer than ndots ($ndots), so the resolver asked $name as it is before trying the search list \"$search\"; dig +search +showsearch $name in the pod shows every name tried"
  else
    echo "the pod's search list is \"$search\", ndots $ndots; dig +search +showsearch $name in the pod shows every name tried"
  fi
}
