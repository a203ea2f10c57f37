path=$(fresh_path)
url="http://{{out.host(10)}}$path"
if body=$(in_netns priv curl -sS -m 4 "$url" 2>&1); then
  grep -q "this is the web server at {{out.host(10)}}" <<<"$body" \
    || fail "priv got an answer from {{out.host(10)}}, but not the page of the web server in outside"
  pass "priv fetched the page of the web server at {{out.host(10)}}"
fi
[ "$(node_forwarding)" = 1 ] || fail "priv cannot fetch http://{{out.host(10)}}/: the node does not forward packets yet (net.ipv4.ip_forward = 0)"
fail "priv cannot fetch http://{{out.host(10)}}/ (no answer within 4 s): the requests leave priv as {{priv.host(2)}}, and outside has no route back to {{priv}}; make the node rewrite their source address on the way out"
