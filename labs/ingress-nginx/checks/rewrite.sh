for route in wear watch; do
  fetch http {{host}} /$route follow
  expect_pod $route
  [ "$POD_PATH" = / ] || fail "$SENT: the $route pod received path $POD_PATH, expected /: rewrite the path to / before passing the request on, as rewrite-target: / does"
done
pass "the wear and watch pods both received path / for http://{{host}}/wear and /watch"
