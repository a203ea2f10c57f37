table=$(ipvs_table) || fail "the grader could not read the node's IPVS table: is ip_vs available on this kernel?"
service=$(awk -v vs="$VIP:80" '$1 == "TCP" && $2 == vs { print $3; exit }' <<<"$table")
[ -n "$service" ] || fail "ipvsadm -Ln on the node lists no virtual service TCP $VIP:80: add it with ipvsadm -A -t $VIP:80 -s rr"
[ "$service" = rr ] || fail "virtual service TCP $VIP:80 uses the scheduler $service; Service web needs round robin (ipvsadm -E -t $VIP:80 -s rr)"
reals=$(awk -v vs="$VIP:80" '$1 == "TCP" || $1 == "UDP" { on = ($1 == "TCP" && $2 == vs); next } on && $1 == "->" && $2 != "RemoteAddress:Port" { print $2, $3 }' <<<"$table")
for real in {{pods.host(2)}}:{{port}} {{pods.host(3)}}:{{port}}; do
  line=$(awk -v r="$real" '$1 == r' <<<"$reals")
  [ -n "$line" ] || fail "virtual service TCP $VIP:80 has no real server $real (it has: $(awk '{ print $1 }' <<<"$reals" | paste -sd, - | sed 's/,/, /g')); add it with ipvsadm -a -t $VIP:80 -r $real -m"
  [ "${line#* }" = Masq ] || fail "real server $real of TCP $VIP:80 is forwarded by ${line#* }; pods are reached by masquerading (NAT), -m"
done
extra=$(awk '$1 != "{{pods.host(2)}}:{{port}}" && $1 != "{{pods.host(3)}}:{{port}}" { print $1 }' <<<"$reals" | paste -sd, -)
[ -z "$extra" ] || fail "virtual service TCP $VIP:80 also sends to $extra, which is no endpoint of Service web; remove it (ipvsadm -d -t $VIP:80 -r ADDRESS)"
pass "IPVS has TCP $VIP:80, round robin, with web-1 and web-2 as masqueraded real servers"
