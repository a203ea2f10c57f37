attachment {{a}}
a=$ADDR a_veth=$HOSTVETH
attachment {{b}}
b=$ADDR b_veth=$HOSTVETH

# Which part of the path is down, named before blaming the traffic.
for end in "{{a}} eth0" "{{b}} eth0"; do
  read -r pod dev <<<"$end"
  in_netns "$pod" ip -j link show dev "$dev" | jq -e '.[0].flags | index("UP")' >/dev/null \
    || fail "eth0 in $pod is down: the plugin set it up; set it up again (ip -n $pod link set eth0 up)"
done
for dev in cni0 "$a_veth" "$b_veth"; do
  in_node ip -j link show dev "$dev" | jq -e '.[0].flags | index("UP")' >/dev/null \
    || fail "$dev in the node is down: the plugin set it up; set it up again (ip link set $dev up)"
done

for pair in "{{a}} {{b}} $b" "{{b}} {{a}} $a"; do
  read -r from to address <<<"$pair"
  route=$(in_netns "$from" ip -j route get "$address" 2>/dev/null) || fail "$from has no route to $to at $address"
  [ "$(jq -r '.[0].type // "unicast"' <<<"$route")" != local ] || fail "$address is an address of $from itself: $from must reach it in $to"
  dev=$(jq -r '.[0].dev' <<<"$route")
  [ "$dev" = eth0 ] || fail "$from sends packets for $to ($address) through $dev, not eth0"
  # Three pings, one answer enough: the first may wait for ARP.
  in_netns "$from" ping -c 3 -i 0.2 -W 1 -q "$address" >/dev/null \
    || fail "$from sends pings to $to at $address, but no answer comes back: both hang off cni0; look for a firewall rule in a pod or in the node's FORWARD chain"
done

for target in "{{a}} $a" "{{b}} $b"; do
  read -r pod address <<<"$target"
  dev=$(in_node ip -j route get "$address" 2>/dev/null | jq -r '.[0].dev // empty')
  [ "$dev" = cni0 ] || fail "the node sends packets for $pod ($address) through ${dev:-nowhere}, not cni0: cni0 needs the gateway address {{net.host(1)}}/{{net.prefix}}, which isGateway gives it"
  in_node ping -c 3 -i 0.2 -W 1 -q "$address" >/dev/null \
    || fail "the node sends pings to $pod ($address) through cni0, but no answer comes back: look for a firewall rule in $pod"
done
pass "{{a}} ($a) and {{b}} ($b) ping each other through cni0, and the node reaches both"
