# Functions shared by this lab's checks (after the grader's in_node, in_netns, node_file, fail).
# Functions that fail end the check only when called directly, never inside $(...).

# A path no earlier request used, so that an old line of a log cannot answer for this check.
fresh_path() {
  echo "/netdojo-check-$(date +%s%N)-$RANDOM"
}

# The backend's log line for a request of path $1 (empty if none).
backend_line() {
  node_file /var/log/mesh/backend.log | grep -F " GET $1 " | tail -n 1
}

# The x-mesh-proxy value in a backend log line ("-" when the request came without it).
mesh_header() {
  sed -n 's/.* x-mesh-proxy=\(.*\)$/\1/p' <<<"$1"
}

# GET http://$1$2 from inside {{app}}, with the grader's curl: prints the body, then the HTTP
# status on a line of its own. Fails like curl when nothing answers.
app_get() {
  in_netns {{app}} curl -sS -m 5 -w '\n%{http_code}\n' "http://$1$2" 2>&1
}

# Says why a request from {{app}} got no answer at all.
explain_no_answer() {
  local what=$1 error=$2
  in_netns {{app}} ss -Hltn 'sport = :15001' | grep -q . \
    || fail "$what got no answer ($error), and nothing listens on port 15001 in {{app}}: the sidecar proxy is gone; start the lab again"
  fail "$what got no answer ($error): the sidecar listens on 15001; does the capture redirect to port 15001 (REDIRECT --to-ports 15001)?"
}
