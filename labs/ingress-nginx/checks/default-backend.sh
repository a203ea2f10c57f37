# Hosts that no rule names: a made-up name, and the node's bare address (curl by IP), for the
# site's root (where a welcome page would answer) and for a path of the store.
for request in "unknown-$RANDOM.example /" "$IP /wear"; do
  read -r host path <<<"$request"
  fetch http "$host" "$path"
  [ "$CODE" = 404 ] && [ -z "$POD" ] && continue
  if [ -n "$POD" ]; then
    fail "$SENT: got $(got); a request for a host no rule names must get the default backend's 404: add a default server (listen 80 default_server) that returns 404"
  fi
  if [[ $CODE == 3* ]]; then
    fail "$SENT: got $(got); only {{host}} is redirected to HTTPS, a host no rule names gets the default backend's 404"
  fi
  fail "$SENT: got $(got), expected 404 from the default backend: the default server must answer 404 (is another default page, such as nginx's welcome site, still enabled?)"
done
pass "requests for unknown hosts and for the bare address got the default backend's 404"
