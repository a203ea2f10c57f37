path=$(fresh_path)
url="http://[{{v6}}::3]:8080$path"
body=$(in_netns {{a}} curl -6 -sS -m 4 "$url" 2>&1) \
  || fail "{{a}} cannot fetch $url over IPv6: curl said \"$(tail -n 1 <<<"$body")\""
client=$(logged_client "$path")
[ -n "$client" ] || fail "{{a}} got an answer from $url ($(head -c 100 <<<"$body")), but the app in {{b}} did not log the request: is something else answering there?"
case $client in
  {{v6}}::2) pass "the app in {{b}} logged GET $path from {{v6}}::2: {{a}} reached it over IPv6, with no translation on the way" ;;
  ::ffff:*) fail "the app in {{b}} logged GET $path from $client, an IPv4 client: the request did not travel over IPv6" ;;
  *) fail "the app in {{b}} logged GET $path from $client, expected {{a}}'s IPv6 address {{v6}}::2" ;;
esac
