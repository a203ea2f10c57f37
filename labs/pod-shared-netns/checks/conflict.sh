pod1=$(netns_inode {{pod1}}) || fail "network namespace {{pod1}} is gone: start the lab again"
log=$(node_file /var/log/pods/app2.log) || log=''
# podapp's lines: TIME NAME pid=P netns=INODE listen=ADDRESS:PORT (listening | failed: "ERROR")
tried=$(awk -v ns="netns=$pod1" '$4 == ns && $5 ~ /:80$/ && $6 == "failed:"' <<<"$log")
listened=$(awk -v ns="netns=$pod1" '$4 == ns && $5 ~ /:80$/ && $6 == "listening"' <<<"$log")
if [ -z "$tried" ]; then
  [ -z "$listened" ] \
    || fail "app2 listened in {{pod1}}: then the app cannot have held port 80 there; keep the app running in {{pod1}} and start app2 again"
  fail "app2 has not tried port 80 in {{pod1}} yet (/var/log/pods/app2.log): start /usr/local/bin/podapp app2 80 inside {{pod1}} and watch it fail"
fi
grep -q 'Address already in use' <<<"$tried" \
  || fail "app2 failed in {{pod1}}, but not because the port was taken ($(tail -n 1 <<<"$tried" | cut -d' ' -f6-)): start it there while the app holds port 80"

path=$(fresh_path)
if ! body=$(http_get {{pods.host(3)}} "$path" 2>&1); then
  in_netns {{pod2}} ss -Hltn 'sport = :80' | grep -q . \
    && fail "something listens on port 80 in {{pod2}}, but does not answer HTTP from the node"
  fail "nothing answers on port 80 of {{pod2}} ({{pods.host(3)}}): start podapp app2 80 inside {{pod2}}, where the port is free"
fi
case $body in
  "app2: you are "*"$path"*) ;;
  *) fail "port 80 of {{pod2}} answers, but not as app2 (it says: $(head -c 120 <<<"$body")): run podapp app2 80 inside {{pod2}}" ;;
esac

body=$(http_get {{pods.host(2)}} "$path" 2>&1) || body=''
case $body in
  "app: you are "*) ;;
  *) fail "app2 runs in {{pod2}}, but port 80 of {{pod1}} no longer answers as the app: keep the app running in {{pod1}}" ;;
esac
pass "app2 could not listen on port 80 in {{pod1}}, where the app holds it, and listens on port 80 in {{pod2}}: one port space per pod, not per container"
