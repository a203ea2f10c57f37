attachment {{a}}
a=$ADDR
attachment {{b}}
b=$ADDR

on_node node02
server=$(in_node ip -j -4 addr show dev eth0 | jq -r '.[0].addr_info[0].local // empty')
[ -n "$server" ] || fail "cannot find node02's address"
on_node node01
node_address=$(in_node ip -j route get "$server" | jq -r '.[0].prefsrc // empty')

for target in "{{a}} $a" "{{b}} $b"; do
  read -r pod address <<<"$target"
  # A path no earlier request used, so that an old line of the log cannot answer for this one.
  path="/netdojo-$pod-$(date +%s%N)-$RANDOM"
  if ! in_netns "$pod" curl -s -m 4 -o /dev/null "http://$server$path"; then
    in_netns "$pod" ip -j route get "$server" >/dev/null 2>&1 \
      || fail "$pod has no route to node02 ($server): give host-local the route \"routes\": [{\"dst\": \"0.0.0.0/0\"}], so that ADD adds a default route via the gateway, then DEL and ADD $pod again"
    [ "$(in_node cat /proc/sys/net/ipv4/ip_forward)" = 1 ] \
      || fail "$pod cannot fetch http://node02/: node01 does not forward packets (net.ipv4.ip_forward = 0); isGateway makes the plugin turn forwarding on"
    has_masquerade_of "$(allocation_owner "$address")" \
      || fail "$pod cannot fetch http://node02/: its packets leave node01 with the pod address $address, which node02 has no route back to; \"ipMasq\": true makes the plugin masquerade them (DEL and ADD $pod again after changing the conflist)"
    fail "$pod cannot fetch http://node02/ ($server) within 4 s: look for a firewall rule on node01 or in $pod"
  fi
  on_node node02
  client=$(node_file /var/log/netdojo/clients.log | awk -v p="$path" '$2 == p { c = $1 } END { print c }')
  on_node node01
  [ -n "$client" ] || fail "$pod got an answer, but node02's web server did not log the request: is something else answering at $server?"
  [ "$client" = "$node_address" ] \
    || fail "node02's web server saw $pod as $client, not as node01 ($node_address): pod traffic that leaves {{net}} must be masqueraded to the node's address"
done
pass "both pods fetch http://node02/, and node02 sees them as node01 ($node_address): the plugin masquerades pod traffic that leaves {{net}}"
