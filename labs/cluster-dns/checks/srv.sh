name=_http._tcp.web.default.svc.cluster.local
ask $name SRV
srv=$(records $name. srv | sort -u)
[ -n "$srv" ] || fail "pod client asked $DNS for $name SRV: $(no_data $name SRV)"
[ "$(wc -l <<<"$srv")" -eq 1 ] || fail "pod client asked $DNS for $name SRV and got several records ($(joined <<<"$srv")), expected one"
read -r prio weight port target <<<"$srv"
[ "$target" = web.default.svc.cluster.local. ] || fail "$name SRV targets $target, expected web.default.svc.cluster.local. (the Service's own full name)"
[ "$port" = {{web_port}} ] || fail "$name SRV has port $port, expected {{web_port}}, the port named http of Service web"
pass "$name SRV $prio $weight {{web_port}} web.default.svc.cluster.local."
