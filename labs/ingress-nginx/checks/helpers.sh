# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file, fail).
# Every request is the grader's own curl or openssl, run in namespace outside, so it reaches the
# proxy from outside the node, at {{out.host(1)}}, the way a client of the store would.
IP={{out.host(1)}}

# fetch SCHEME HOST PATH [follow]: GET SCHEME://HOST/PATH sent to $IP (Host header and SNI name
# HOST), carrying a fresh X-Netdojo-Check header that the pods echo. Sets SENT (the request, for
# messages), CODE, LOCATION, BODY, and from a pod's answer POD, POD_PATH and POD_CHECK; fails
# when no HTTP answer came back at all. With "follow", redirects are followed (up to 3).
fetch() {
  local scheme=$1 host=$2 path=$3 follow=${4:-} port=80 out rc last args
  [ "$scheme" = https ] && port=443
  CHECK_ID=check-$(date +%s%N)-$RANDOM
  SENT="GET $scheme://$host$path (Host: $host) to $IP:$port from outside"
  [ -n "$follow" ] && SENT="$SENT, following redirects"
  # -k: the certificate is judged by the tls task, not by every request.
  args=(-sS -k -m 4 --resolve "$host:80:$IP" --resolve "$host:443:$IP" -H "X-Netdojo-Check: $CHECK_ID"
        -w '\n%{http_code} %{redirect_url}')
  [ -n "$follow" ] && args+=(-L --max-redirs 3)
  netns_file outside >/dev/null || fail "namespace outside is gone: the grader sends its requests from there, leave it in place"
  out=$(in_netns outside curl "${args[@]}" "$scheme://$host$path" 2>&1); rc=$?
  last=$(tail -n 1 <<<"$out")
  CODE=${last%% *}
  LOCATION=${last#* }
  BODY=$(sed '$d' <<<"$out")
  case $rc in
    0) ;;
    7) # After a redirect the refused port may be 443: curl names it.
       port=$(grep -o 'port [0-9]*' <<<"$out" | tail -n 1 | cut -d' ' -f2); port=${port:-80}
       local probe=http://127.0.0.1:$port/; [ "$port" = 443 ] && probe=https://127.0.0.1/
       if in_node curl -sk -m 2 -o /dev/null "$probe" 2>/dev/null; then
         fail "$SENT: connection to port $port refused, yet something answers on the node's 127.0.0.1:$port: the proxy listens on localhost only; make it listen on every address (listen $port)"
       fi
       fail "$SENT: connection to port $port refused: nothing listens on port $port of the node; start your proxy (nginx or haproxy) listening on port $port" ;;
    28) fail "$SENT: no answer within 4 s: the proxy accepted nothing or its backend hangs (are the pods' addresses and port {{port}} right?)" ;;
    35) fail "$SENT: the TLS handshake failed: port 443 does not speak TLS (listen 443 ssl, with a certificate and key)" ;;
    47) fail "$SENT: more than 3 redirects: the proxy redirects in a loop" ;;
    52) fail "$SENT: the connection closed without an HTTP answer" ;;
    6) fail "$SENT: a redirect led to a host name outside the store ($(grep -o "host: [^ ]*" <<<"$out" | head -n1)); redirect to https://{{host}}/..." ;;
    *) fail "$SENT: the request failed (curl exit $rc: $(grep '^curl:' <<<"$out" | tail -n 1))" ;;
  esac
  POD=$(sed -n '1s/^pod \([a-z]*\) ({{token}}) at .*/\1/p' <<<"$BODY")
  POD_PATH=$(sed -n 's/^path: //p' <<<"$BODY" | head -n 1)
  POD_CHECK=$(sed -n 's/^check: //p' <<<"$BODY" | head -n 1)
}

# What came back, in a few words, for messages.
got() {
  if [ -n "$POD" ]; then
    echo "HTTP $CODE from the $POD pod, which saw path $POD_PATH"
  elif [[ $CODE == 3* ]]; then
    echo "HTTP $CODE, a redirect to ${LOCATION:-nowhere}"
  else
    # An HTML page says most in its title ("404 Not Found", "Welcome to nginx!").
    local title
    title=$(grep -o '<title>[^<]*</title>' <<<"$BODY" | head -n 1 | sed 's/<[^>]*>//g')
    echo "HTTP $CODE (${title:-$(head -n 1 <<<"$BODY" | tr -d '\r' | cut -c 1-60)})"
  fi
}

# expect_pod NAME: the last fetch must have been answered by pod NAME itself.
expect_pod() {
  [ "$POD" = "$1" ] && [ "$CODE" = 200 ] && [ "$POD_CHECK" = "$CHECK_ID" ] && return 0
  if [ -n "$POD" ] && [ "$POD" != "$1" ]; then
    fail "$SENT: expected the $1 pod ({{pods.host(11)}} for wear, {{pods.host(12)}} for watch), got $(got): the route points at the wrong backend"
  fi
  if [ -n "$POD" ]; then
    fail "$SENT: got a page of the $1 pod that did not echo this request's X-Netdojo-Check header: it must be passed on to the pod itself, not served from a copy"
  fi
  if [ "$CODE" = 502 ] || [ "$CODE" = 504 ]; then
    fail "$SENT: expected the $1 pod, got $(got): the proxy could not reach its backend; the $1 pod serves on port {{port}}"
  fi
  if [ "$CODE" = 404 ]; then
    fail "$SENT: expected the $1 pod, got $(got): no rule matched; route host {{host}} (server_name) and path /$1 (a location) to {{pods.host(11)}}:{{port}} for wear, {{pods.host(12)}}:{{port}} for watch"
  fi
  fail "$SENT: expected the $1 pod, got $(got)"
}
