path=$(fresh_path)
what="GET http://{{pods.host(3)}}:8080$path from {{app}}"
out=$(app_get {{pods.host(3)}}:8080 "$path") || explain_no_answer "$what" "$(tail -n 1 <<<"$out")"
code=$(tail -n 1 <<<"$out")
line=$(backend_line "$path")
[ -n "$line" ] || fail "$what got HTTP $code ($(head -n -1 <<<"$out" | head -c 120 | tr '\n' ' ')), but the backend did not log it"
mesh=$(mesh_header "$line")
[ "$mesh" = - ] \
  || fail "$what also went through the sidecar (the backend saw x-mesh-proxy: $mesh): only outbound port 80 is to be captured; match the destination port (-p tcp --dport 80)"
pass "$what went straight to the backend, without the sidecar: only port 80 is captured"
