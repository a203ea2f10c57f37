path=$(fresh_path)
url="http://{{storage.host(20)}}:9000$path"
if ! body=$(in_netns {{pod}} curl -sS -m 4 "$url" 2>&1); then
  route=$(in_netns {{pod}} ip route get {{storage.host(20)}} 2>&1 | head -n 1)
  fail "{{pod}} cannot reach the storage server: GET $url got no answer ($(tail -n 1 <<<"$body")); the pod routes {{storage.host(20)}} as: ${route:-nothing}"
fi
client=$(storage_client "$path")
[ -n "$client" ] || fail "{{pod}} got an answer from {{storage.host(20)}}:9000 ($(head -c 100 <<<"$body")), but the storage server on node02 did not log the request: is something else answering there?"
case $client in
  {{storage.host(10)}}) pass "the storage server on node02 logged GET $path from {{storage.host(10)}}, the pod's net1 address: the pod reaches storage over net1" ;;
  {{pods.host(2)}}) fail "the storage server logged GET $path from {{pods.host(2)}}, the pod's eth0 address: the request went over the cluster network, not over net1" ;;
  *) fail "the storage server logged GET $path from $client, not from {{storage.host(10)}} (the pod's net1 address): the request left the pod another way and was translated on the way; storage traffic must go straight out of net1" ;;
esac
