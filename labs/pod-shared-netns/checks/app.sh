path=$(fresh_path)
if ! body=$(http_get {{pods.host(2)}} "$path" 2>&1); then
  explain_port "the app" 80
fi
case $body in
  "app: you are "*"$path"*) ;;
  *) fail "http://{{pods.host(2)}}/ answers, but not as the app (it says: $(head -c 120 <<<"$body")): run /usr/local/bin/podapp app 80 inside {{pod1}}" ;;
esac
pass "the app answers on port 80 of {{pod1}} ({{pods.host(2)}}), in the namespace its pause process holds"
