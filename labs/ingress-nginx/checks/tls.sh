sent="a TLS handshake with SNI {{host}} to $IP:443 from outside"
netns_file outside >/dev/null || fail "namespace outside is gone: the grader sends its requests from there, leave it in place"
out=$(in_netns outside timeout 6 openssl s_client -connect "$IP:443" -servername {{host}} </dev/null 2>&1)
if ! cert=$(openssl x509 <<<"$out" 2>/dev/null); then
  if grep -q 'Connection refused' <<<"$out"; then
    fail "$sent: connection refused, nothing listens on port 443; serve HTTPS there (nginx: listen 443 ssl, with ssl_certificate and ssl_certificate_key) with a certificate for {{host}}"
  fi
  if grep -q 'wrong version number' <<<"$out"; then
    fail "$sent: port 443 answered in plain HTTP, not TLS; make it speak TLS (nginx: listen 443 ssl) with a certificate for {{host}}"
  fi
  fail "$sent got no certificate back ($(grep -iE 'error|alert' <<<"$out" | head -n 1 | cut -c 1-100)): port 443 must speak TLS and serve a certificate for {{host}}"
fi
subject=$(openssl x509 -noout -subject -nameopt RFC2253 <<<"$cert" | sed 's/^subject=//')
names=$(openssl x509 -noout -ext subjectAltName <<<"$cert" 2>/dev/null | tail -n +2 | tr ',' '\n' | sed -n 's/^ *DNS://p')
if ! grep -qxiF {{host}} <<<"$names"; then
  if [ -z "$names" ] && grep -qiF "CN={{host}}" <<<"$subject"; then
    fail "$sent got a certificate that names {{host}} only in its subject ($subject), with no subjectAltName, which is the name clients check: make it again with -addext subjectAltName=DNS:{{host}}"
  fi
  fail "$sent got a certificate for ${names:-no subjectAltName name} (subject $subject), not {{host}}: make one whose subjectAltName is DNS:{{host}} and serve it for that host"
fi
openssl x509 -noout -checkend 0 <<<"$cert" >/dev/null || fail "$sent got a certificate for {{host}} that has expired: make a new one"
fetch https {{host}} /wear
expect_pod wear
[ "$POD_PATH" = / ] || fail "$SENT: the wear pod received path $POD_PATH, expected /: HTTPS requests need the same rewrite as HTTP ones"
pass "HTTPS for {{host}} serves a certificate for {{host}} (subject $subject) and reaches the wear pod"
