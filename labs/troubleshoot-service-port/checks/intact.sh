# The repair belongs in web's NAT rules: api keeps working, the pods keep their ports, and the
# VIP stays an address of no interface.
path=/check-$(date +%s%N)-$RANDOM
out=$(in_netns client curl -sS --connect-timeout 2 -m 3 "http://{{api_vip}}:80$path" 2>&1)
case $out in
  "api-1 client=$CLIENT path=$path"*) ;;
  *) fail "pod client sent GET http://{{api_vip}}:80$path to Service api and got \"$(tail -n 1 <<<"$out" | head -c 120)\": Service api worked before the repair and must still reach api-1 on port {{api_port}} (did a flush of the nat table take its rules?)" ;;
esac
holder=$(in_node ip -j addr show | jq -r --arg v "$VIP" '.[] | select(any(.addr_info[]?; .local == $v)) | .ifname' | head -n 1)
[ -z "$holder" ] || fail "$VIP is now an address of the node's $holder: a ClusterIP is held by no interface, it exists only in the NAT rules; remove it"
for entry in web-1:{{pods.host(2)}} web-2:{{pods.host(3)}}; do
  pod=${entry%%:*} ip=${entry#*:}
  if [ "$(in_netns "$pod" ss -Hltn 'sport = :80' | wc -l)" != 0 ]; then
    fail "pod $pod now listens on port 80: the pods were right, the Service's targetPort is {{port}}; send $VIP:80 to port {{port}} in the node's rules and leave the pods alone"
  fi
  out=$(in_netns client curl -sS --connect-timeout 2 -m 3 "http://$ip:{{port}}$path" 2>&1)
  case $out in
    "$pod client=$CLIENT"*) ;;
    *) fail "pod client sent GET http://$ip:{{port}}$path straight to $pod and got \"$(tail -n 1 <<<"$out" | head -c 120)\": the pod must still serve on port {{port}}" ;;
  esac
done
pass "Service api still answers at {{api_vip}}:80, $VIP is on no interface, and web-1 and web-2 still serve on port {{port}} only"
