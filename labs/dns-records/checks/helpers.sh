# Shared by every check of dns-records. All queries use the grader's own dig, sent from inside
# the node's network namespace to the student's server.
DNS=10.53.0.53

# ask NAME TYPE: sets STATUS (NOERROR, NXDOMAIN, REFUSED, ...) and ANSWER, the answer section
# lowercased, one record a line: "owner ttl class type rdata...". No answer at all ends the check.
ask() {
  local out
  if ! out=$(in_node dig @"$DNS" +time=2 +tries=2 +noall +comments +answer "$1" "$2" 2>&1); then
    fail "no DNS server answers at $DNS:53 (dig $1 $2: $(printf '%s\n' "$out" | grep -v '^$' | tail -n1))"
  fi
  STATUS=$(printf '%s\n' "$out" | sed -n 's/.*status: \([A-Z]*\),.*/\1/p' | head -n1)
  ANSWER=$(printf '%s\n' "$out" | grep -v '^;' | awk 'NF { $0 = tolower($0); $1 = $1; print }')
}

# records OWNER TYPE: the rdata of the answer records of that owner and (lowercase) type.
records() {
  awk -v owner="$1" -v type="$2" '$1 == owner && $4 == type { $1 = $2 = $3 = $4 = ""; sub(/^ +/, ""); print }' <<<"$ANSWER"
}

# ttl_of OWNER TYPE: the TTL of the first such record.
ttl_of() {
  awk -v owner="$1" -v type="$2" '$1 == owner && $4 == type { print $2; exit }' <<<"$ANSWER"
}

# joined: stdin lines joined with ", " for messages.
joined() { paste -sd, - | sed 's/,/, /g'; }

# no_data NAME TYPE: the reason a query found nothing, for messages.
no_data() {
  case $STATUS in
    NXDOMAIN) echo "$1 does not exist on the server (NXDOMAIN)" ;;
    REFUSED) echo "the server refused the query for $1 (is zone shop.lab served at $DNS?)" ;;
    NOERROR) echo "$1 has no $2 record" ;;
    *) echo "the query for $1 $2 failed with $STATUS" ;;
  esac
}
