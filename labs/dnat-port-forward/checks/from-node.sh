path=$(fresh_path)
if ! in_node curl -s -m 4 -o /dev/null "http://{{out.host(1)}}$path" \
   && in_netns outside curl -s -m 4 -o /dev/null "http://{{out.host(1)}}$(fresh_path)"; then
  fail "outside reaches priv's app at http://{{out.host(1)}}/, but a program on the node itself does not: packets the node sends itself never pass PREROUTING; translate them in the OUTPUT hook too"
fi
fetch_app node "$path" "from the node itself"
pass "a program on the node fetched priv's app at http://{{out.host(1)}}/ too"
