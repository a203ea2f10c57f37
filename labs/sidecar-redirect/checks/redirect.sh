in_netns {{app}} true >/dev/null || fail "network namespace {{app}} is gone: setup made it; start the lab again"
path=$(fresh_path)
what="GET http://{{pods.host(3)}}:80$path from {{app}}"
out=$(app_get {{pods.host(3)}}:80 "$path") || explain_no_answer "$what" "$(tail -n 1 <<<"$out")"
code=$(tail -n 1 <<<"$out")
body=$(head -n -1 <<<"$out" | head -c 160 | tr '\n' ' ')
if [ "$code" = 508 ]; then
  fail "$what came back 508 from the sidecar ($body): a loop. The proxy's own connection to the backend was captured by the rule and redirected back to the proxy; exclude the proxy's uid {{uid}} from the capture (-m owner ! --uid-owner {{uid}})"
fi
line=$(backend_line "$path")
[ -n "$line" ] || fail "$what got HTTP $code ($body), but the backend in {{backend}} did not log the request: what answered?"
mesh=$(mesh_header "$line")
case $mesh in
  sidecar-of-{{app}})
    pass "$what reached the backend with x-mesh-proxy: $mesh: the pod's outbound port-80 traffic was redirected to the sidecar on 15001, which passed it on" ;;
  -)
    fail "$what reached the backend without the x-mesh-proxy header (it logged: $(cut -d' ' -f2- <<<"$line")): the request went straight to the backend, not through the sidecar. Redirect {{app}}'s outbound TCP port 80 in {{app}}'s own namespace, in the nat table's OUTPUT chain (locally generated traffic never passes PREROUTING), to port 15001" ;;
  *)
    fail "$what reached the backend with x-mesh-proxy: $mesh, not the header {{app}}'s sidecar adds (sidecar-of-{{app}})" ;;
esac
