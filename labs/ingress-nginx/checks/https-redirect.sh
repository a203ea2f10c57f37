fetch http {{host}} /wear
case $CODE in
  301|302|303|307|308) ;;
  *) [ -n "$POD" ] && fail "$SENT: got $(got) over plain HTTP; answer plain HTTP requests for {{host}} with a redirect (308) to https://{{host}}/wear"
     fail "$SENT: got $(got), expected a redirect to https://{{host}}/wear" ;;
esac
code=$CODE
case $LOCATION in
  https://{{host}}/wear|https://{{host}}:443/wear) ;;
  https://{{host}}|https://{{host}}/|https://{{host}}:443|https://{{host}}:443/)
    fail "$SENT: got HTTP $code to $LOCATION: the redirect loses the path; keep it (https://\$host\$request_uri in nginx)" ;;
  http://*) fail "$SENT: got HTTP $code to $LOCATION, which is still plain HTTP: redirect to https://{{host}}/wear" ;;
  *) fail "$SENT: got HTTP $code to ${LOCATION:-no Location}, expected https://{{host}}/wear" ;;
esac
fetch https {{host}} /wear
expect_pod wear
pass "http://{{host}}/wear answered $code with Location $LOCATION, and HTTPS reached the wear pod"
