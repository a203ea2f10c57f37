# Shared by every check of cluster-dns. Every query is the grader's own dig or getent, sent from
# inside the pod's network namespace (client), so the server must be reachable from the pod.
DNS=10.96.0.10

# ask NAME TYPE: sets STATUS (NOERROR, NXDOMAIN, REFUSED, ...) and ANSWER, the answer section
# lowercased, one record a line: "owner ttl class type rdata...". No answer at all ends the check.
ask() {
  local out
  if ! out=$(in_netns client dig @"$DNS" +time=1 +tries=2 +noall +comments +answer "$1" "$2" 2>&1); then
    local why
    why=$(printf '%s\n' "$out" | grep -v '^$' | tail -n1)
    if ! in_node ip -j addr show | jq -e '.[].addr_info[] | select(.local == "10.96.0.10")' >/dev/null; then
      fail "pod client sent dig @$DNS $1 $2 and got no answer ($why): 10.96.0.10 is no address of the node yet; add it (ip addr add 10.96.0.10/32 dev lo) and run the server there"
    fi
    fail "pod client sent dig @$DNS $1 $2 and got no answer ($why): no DNS server listens on $DNS:53"
  fi
  STATUS=$(printf '%s\n' "$out" | sed -n 's/.*status: \([A-Z]*\),.*/\1/p' | head -n1)
  ANSWER=$(printf '%s\n' "$out" | grep -v '^;' | awk 'NF { $0 = tolower($0); $1 = $1; print }')
}

# records OWNER TYPE: the rdata of the answer records of that owner and (lowercase) type.
records() {
  awk -v owner="$1" -v type="$2" '$1 == owner && $4 == type { $1 = $2 = $3 = $4 = ""; sub(/^ +/, ""); print }' <<<"$ANSWER"
}

# joined: stdin lines joined with ", " for messages.
joined() { paste -sd, - | sed 's/,/, /g'; }

# no_data NAME TYPE: the reason a query found nothing, for messages.
no_data() {
  case $STATUS in
    NXDOMAIN) echo "the server says $1 does not exist (NXDOMAIN)" ;;
    REFUSED) echo "the server refused the query for $1 (does it serve cluster.local?)" ;;
    NOERROR) echo "$1 has no $2 record" ;;
    *) echo "the query for $1 $2 failed with $STATUS" ;;
  esac
}

# expect_a FQDN ADDRESSES...: the A records of FQDN are exactly ADDRESSES, or the check fails.
expect_a() {
  local name=$1 found want
  shift
  ask "$name" A
  found=$(records "$name." a | sort -u)
  want=$(printf '%s\n' "$@" | sort -u)
  [ -n "$found" ] || fail "pod client asked $DNS for $name A: $(no_data "$name" A)"
  [ "$found" = "$want" ] || fail "pod client asked $DNS for $name A and got $(joined <<<"$found"), expected $(joined <<<"$want")"
}

# pod_addresses NAME: the IPv4 addresses a program in the pod gets for NAME (the pod's own
# resolv.conf and hosts files, the grader's libc), sorted, one a line.
pod_addresses() {
  node_getent --netns client ahostsv4 "$1" 2>/dev/null | awk '{ print $1 }' | sort -u
}

# The hosts file the pod sees: /etc/netns/client/hosts if there is one, else the node's.
pod_hosts() {
  node_file /etc/netns/client/hosts 2>/dev/null || node_file /etc/hosts
}
