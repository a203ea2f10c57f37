node_links=$(in_node ip -j -d link show type veth) || fail "cannot list the node's veth interfaces"
for ns in $CONTAINERS; do
  want=${ADDRESS[$ns]}
  need_netns "$ns"
  links=$(in_netns "$ns" ip -j -d addr show) || fail "cannot list the interfaces of $ns"
  entry=$(jq -c --arg a "$want" 'first(.[] | select(any(.addr_info[]?; .family == "inet" and .local == $a))) // empty' <<<"$links")
  if [ -z "$entry" ]; then
    has=$(jq -r '[.[] | .ifname as $i | .addr_info[]? | select(.family == "inet" and .local != "127.0.0.1") | "\(.local)/\(.prefixlen) on \($i)"] | join(", ")' <<<"$links")
    fail "expected $want/$PREFIX on eth0 in $ns; it has ${has:-no IPv4 address}"
  fi
  ifname=$(jq -r '.ifname' <<<"$entry")
  length=$(jq -r --arg a "$want" '.addr_info[] | select(.family == "inet" and .local == $a) | .prefixlen' <<<"$entry")
  [ "$length" = "$PREFIX" ] || fail "expected $want/$PREFIX on $ifname in $ns, found $want/$length: the containers share the bridge's /$PREFIX network"
  kind=$(jq -r '.linkinfo.info_kind // "plain"' <<<"$entry")
  [ "$kind" = veth ] || fail "$want in $ns is on $ifname, a $kind interface: it belongs on the veth end that leads to $BRIDGE"
  jq -e 'any(.flags[]; . == "UP")' <<<"$entry" >/dev/null || fail "$ifname in $ns is down: set it up"
  peer=$(jq -r --argjson x "$entry" 'first(.[] | select($x.link_netnsid != null and .link_netnsid != null
      and $x.link_index == .ifindex and .link_index == $x.ifindex)) | .ifname // empty' <<<"$node_links")
  if [ -z "$peer" ]; then
    jq -e 'has("link_netnsid")' <<<"$entry" >/dev/null || fail "both ends of $ns's veth pair ($ifname and its peer) are inside $ns: move the other end to the node and attach it to $BRIDGE"
    fail "the other end of $ifname in $ns is not in the node's namespace: it must stay in the node, attached to $BRIDGE"
  fi
  plink=$(jq -c --arg p "$peer" '.[] | select(.ifname == $p)' <<<"$node_links")
  master=$(jq -r '.master // empty' <<<"$plink")
  [ "$master" = "$BRIDGE" ] || fail "$peer, the node's end of $ns's veth, is ${master:+attached to $master, }not attached to $BRIDGE: make it a port of $BRIDGE"
  jq -e 'any(.flags[]; . == "UP")' <<<"$plink" >/dev/null || fail "$peer, the node's end of $ns's veth, is down: set it up"
  jq -e 'any(.flags[]; . == "LOWER_UP")' <<<"$entry" >/dev/null || fail "$ifname in $ns has no carrier: set both ends of the pair up"
done
ping_from_ns c1 "${ADDRESS[c2]}" || fail "c1 cannot ping c2 (${ADDRESS[c2]}) across $BRIDGE: is lo up, and are both veth ends up?"
ping_from_ns c2 "${ADDRESS[c1]}" || fail "c2 cannot ping c1 (${ADDRESS[c1]}) across $BRIDGE"
pass "c1 and c2 each hang off $BRIDGE with their /$PREFIX address, and ping each other"
