held=$(allocations_of {{old}} | head -n 1)
old_eth0=''
if netns_file {{old}} >/dev/null; then
  old_eth0=$(in_netns {{old}} ip -j -4 addr show dev eth0 2>/dev/null | jq -r '.[0].addr_info[0].local // "no address"')
fi

if [ -n "$held" ]; then
  netns_file {{old}} >/dev/null \
    || fail "host-local still reserves $held for container {{old}}: deleting the namespace removed the interface, not the reservation. Run DEL anyway (with CNI_CONTAINERID={{old}}, CNI_IFNAME=eth0 and CNI_NETNS of a namespace that is gone): DEL must succeed on what is already gone"
  [ -z "$old_eth0" ] \
    || fail "host-local still reserves $held for container {{old}}, and {{old}} still has eth0: run the bridge plugin with CNI_COMMAND=DEL, CNI_CONTAINERID={{old}} (the ID in host-local's file), CNI_NETNS=/var/run/netns/{{old}}, CNI_IFNAME=eth0 and your conflist's bridge entry on stdin"
  fail "{{old}}'s eth0 is gone, but host-local still reserves $held for container {{old}}: host-local releases by container ID and interface name, so run DEL with CNI_CONTAINERID={{old}} and CNI_IFNAME=eth0"
fi
[ -z "$old_eth0" ] \
  || fail "host-local's file for {{old}} is gone, but {{old}} still has eth0 ($old_eth0): removing the file by hand is not DEL. Run DEL (it is idempotent): it also removes the interface and the NAT rules"
if has_masquerade_of {{old}}; then
  fail "{{old}}'s address is free, but its MASQUERADE rules (comment id: \"{{old}}\") are still in the nat table: the bridge plugin removes them on DEL only while it can still see the pod's eth0 and address. DEL before deleting a namespace; now remove the rules by hand (iptables -t nat -S | grep {{old}})"
fi
pass "{{old}} is released: host-local no longer reserves {{net.host(2)}} for it, and its eth0 and MASQUERADE rules are gone"
