# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file, fail).

# A path no earlier request used: the app echoes it, and an old log line cannot answer for it.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# The client address priv's app logged for a request of path $1 (empty if none).
logged_client() {
  node_file /var/log/netdojo/app-access.log | awk -v req="\"GET $1 " 'index($0, req) { client = $1 } END { print client }'
}

node_forwarding() {
  in_node cat /proc/sys/net/ipv4/ip_forward
}

# Fetches http://{{out.host(1)}}$2 with curl run by the grader, either from namespace outside
# ($1 = outside) or from the node itself ($1 = node); sets BODY, or fails saying why the request
# did not get priv's page. $3 names who fetches, for messages.
fetch_app() {
  local from=$1 path=$2 who=$3 rc
  if [ "$from" = node ]; then
    BODY=$(in_node curl -sS -m 4 "http://{{out.host(1)}}$path" 2>&1); rc=$?
  else
    BODY=$(in_netns "$from" curl -sS -m 4 "http://{{out.host(1)}}$path" 2>&1); rc=$?
  fi
  case $rc in
    0) ;;
    7) fail "$who: the connection to {{out.host(1)}}:80 was refused: nothing listens there and no rule forwards it, or it is forwarded to a port where nothing listens (priv's app is on port {{port}})" ;;
    28) fail "$who: no answer from {{out.host(1)}}:80 within 4 s: the connection is forwarded nowhere, or the node does not pass the packets on" ;;
    *) fail "$who: fetching http://{{out.host(1)}}/ failed (curl exit $rc): $(tail -n 1 <<<"$BODY")" ;;
  esac
  grep -qF "Private app {{token}}, served from {{priv.host(2)}}:{{port}}." <<<"$BODY" \
    || fail "$who: something answered at http://{{out.host(1)}}/, but not priv's app ($(head -c 60 <<<"$BODY" | head -n 1))"
  grep -qF "You asked for $path " <<<"$BODY" \
    || fail "$who: the page at http://{{out.host(1)}}/ looks like priv's app but did not answer the path asked for: it must come from the app itself"
}
