for route in wear watch; do
  fetch http {{host}} /$route follow
  expect_pod $route
done
pass "http://{{host}}/wear reached the wear pod and http://{{host}}/watch the watch pod"
