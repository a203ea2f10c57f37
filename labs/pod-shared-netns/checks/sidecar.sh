path=$(fresh_path)
if ! body=$(http_get {{pods.host(2)}}:{{port}} "$path" 2>&1); then
  explain_port "the sidecar" {{port}}
fi
case $body in
  *"cannot reach"*)
    fail "the sidecar answers on port {{port}}, but cannot reach the app ($(sed 's/^sidecar //' <<<"$body" | head -c 160)): in {{pod1}} the app is at http://localhost:80/" ;;
  *"app: you are 127."*"$path"*|*"app: you are ::1,"*"$path"*|*"app: you are ::ffff:127."*"$path"*)
    pass "a request to the sidecar on port {{port}} reached the app, which saw it come from localhost: the two share {{pod1}}'s loopback" ;;
  *"app: you are "*"$path"*)
    client=$(sed -n 's/.*app: you are \([^,]*\),.*/\1/p' <<<"$body" | head -n 1)
    fail "the app saw the sidecar's request come from $client, not from localhost: the sidecar went out and back in through an interface; point it at http://localhost:80/, which never leaves the pod" ;;
esac
fail "port {{port}} of {{pod1}} answers, but does not pass the request on to the app (it says: $(head -c 120 <<<"$body")): run /usr/local/bin/sidecar {{port}} http://localhost:80 inside {{pod1}}"
