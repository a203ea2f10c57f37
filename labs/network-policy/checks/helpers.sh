# Shared by every check of network-policy, and also the lab's second setup step: run in the node
# (where the grader's NODE_PID is unset) it writes the manifests to /root/policies. One text thus
# serves the student and the grader, and the grader evaluates its own copy, never the node's.

POLICY_FILES="default-deny.yaml frontend.yaml backend.yaml db.yaml"

# policy FILE: the manifest the lab gives under /root/policies/FILE.
policy() {
  case $1 in
    default-deny.yaml) cat <<'YAML' ;;
# Nothing reaches a pod of {{app_ns}}, and nothing leaves a pod of {{data_ns}}, unless a
# policy below allows it.
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: {{app_ns}}
spec:
  podSelector: {}
  policyTypes:
    - Ingress
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-egress
  namespace: {{data_ns}}
spec:
  podSelector: {}
  policyTypes:
    - Egress
YAML
    frontend.yaml) cat <<'YAML' ;;
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: frontend-allow-web
  namespace: {{app_ns}}
spec:
  podSelector:
    matchLabels:
      app: frontend
  policyTypes:
    - Ingress
    - Egress
  ingress:
    # the web port, from any pod of the cluster network except db
    - from:
        - ipBlock:
            cidr: {{pods}}
            except:
              - {{pods.host(30)}}/32
      ports:
        - protocol: TCP
          port: {{fe_port}}
  egress:
    # the backend's API, and DNS to anywhere
    - to:
        - podSelector:
            matchLabels:
              app: backend
      ports:
        - protocol: TCP
          port: {{be_port}}
    - ports:
        - protocol: UDP
          port: 53
YAML
    backend.yaml) cat <<'YAML' ;;
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: backend-allow-frontend
  namespace: {{app_ns}}
spec:
  podSelector:
    matchLabels:
      app: backend
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: frontend
      ports:
        - protocol: TCP
          port: {{be_port}}
YAML
    db.yaml) cat <<'YAML' ;;
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db-allow-backend
  namespace: {{data_ns}}
spec:
  podSelector:
    matchLabels:
      app: db
  policyTypes:
    - Ingress
  ingress:
    # one peer: pods labelled app=backend in namespace {{app_ns}} (both selectors together)
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{app_ns}}
          podSelector:
            matchLabels:
              app: backend
      ports:
        - protocol: TCP
          port: {{db_port}}
YAML
  esac
}

if [ -z "${NODE_PID:-}" ]; then
  # Setup, in the node.
  mkdir -p /root/policies
  for f in $POLICY_FILES; do policy "$f" > "/root/policies/$f"; done
  return 0 2>/dev/null || exit 0
fi

# The pods as the grader knows them: name, namespace, label app, address, ports.
PODS_JSON='{
  "frontend": {"ns": "{{app_ns}}", "labels": {"app": "frontend"}, "ip": "{{pods.host(10)}}", "ports": [{{fe_port}}]},
  "backend": {"ns": "{{app_ns}}", "labels": {"app": "backend"}, "ip": "{{pods.host(20)}}", "ports": [{{be_port}}, {{metrics_port}}]},
  "db": {"ns": "{{data_ns}}", "labels": {"app": "db"}, "ip": "{{pods.host(30)}}", "ports": [{{db_port}}]}
}'

# Reads NetworkPolicy manifests (block YAML: mappings, sequences, scalars, {} and [] flows;
# what the lab's files use) on stdin and prints, for every connection into pod $1, one line:
#   SRC DST PORT allow|deny EXPLANATION
# with Kubernetes' rules: a pod selected by a policy of a type is isolated in that direction,
# and then only what some selecting policy's rules allow passes; both ends must agree.
EVALUATE='
import ipaddress, json, re, sys

def scalar(s):
    s = s.strip()
    if s == "{}": return {}
    if s == "[]": return []
    if s.startswith("[") and s.endswith("]"): return [scalar(x) for x in s[1:-1].split(",") if x.strip()]
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "\"\x27": return s[1:-1]
    if re.fullmatch(r"-?[0-9]+", s): return int(s)
    return s

KEY = re.compile(r"^[A-Za-z0-9_./-]+:(\s|$)")

def parse(text):
    docs = []
    for doc in re.split(r"(?m)^---\s*$", text):
        lines = []
        for raw in doc.splitlines():
            line = re.sub(r"(^|\s)#.*$", "", raw).rstrip()
            if line.strip(): lines.append([len(line) - len(line.lstrip()), line.strip()])
        if not lines: continue
        pos = [0]
        def item(line): return line == "-" or line.startswith("- ")
        def block(indent):
            return sequence(indent) if item(lines[pos[0]][1]) else mapping(indent)
        def sequence(indent):
            seq = []
            while pos[0] < len(lines) and lines[pos[0]][0] == indent and item(lines[pos[0]][1]):
                text = lines[pos[0]][1]
                rest = text[1:].lstrip()
                if not rest:
                    pos[0] += 1; seq.append(block(lines[pos[0]][0])); continue
                lines[pos[0]] = [indent + len(text) - len(rest), rest]
                if KEY.match(rest): seq.append(mapping(lines[pos[0]][0]))
                else: pos[0] += 1; seq.append(scalar(rest))
            return seq
        def mapping(indent):
            m = {}
            while pos[0] < len(lines) and lines[pos[0]][0] == indent and KEY.match(lines[pos[0]][1]):
                key, _, value = lines[pos[0]][1].partition(":")
                pos[0] += 1
                if value.strip(): m[key] = scalar(value)
                elif pos[0] < len(lines) and (lines[pos[0]][0] > indent or (lines[pos[0]][0] == indent and item(lines[pos[0]][1]))):
                    m[key] = block(lines[pos[0]][0])
                else: m[key] = None
            return m
        docs.append(block(lines[0][0]))
    return docs

pods = json.loads(sys.argv[2])
policies = [d for d in parse(sys.stdin.read()) if d.get("kind") == "NetworkPolicy"]

def selects(selector, labels):
    wanted = (selector or {}).get("matchLabels") or {}
    return all(labels.get(k) == str(v) for k, v in wanted.items())

def ns_labels(ns): return {"kubernetes.io/metadata.name": ns}

def peer_matches(peer, policy_ns, pod):
    if "ipBlock" in peer:
        block = peer["ipBlock"]; ip = ipaddress.ip_address(pod["ip"])
        return ip in ipaddress.ip_network(block["cidr"]) and not any(ip in ipaddress.ip_network(e) for e in block.get("except") or [])
    if "namespaceSelector" in peer: ns_ok = selects(peer["namespaceSelector"], ns_labels(pod["ns"]))
    else: ns_ok = pod["ns"] == policy_ns
    return ns_ok and ("podSelector" not in peer or selects(peer["podSelector"], pod["labels"]))

def port_matches(ports, port):
    return not ports or any(p.get("protocol", "TCP") == "TCP" and p.get("port") in (None, port) for p in ports)

def types(spec):
    return spec.get("policyTypes") or (["Ingress"] + (["Egress"] if "egress" in spec else []))

def judge(direction, subject, other, port):
    """(allowed, selecting policy names, allowing policy names) for one end of a connection."""
    key, peers_key = ("ingress", "from") if direction == "Ingress" else ("egress", "to")
    selecting, allowing = [], []
    for p in policies:
        spec, ns, name = p.get("spec") or {}, p["metadata"].get("namespace", "default"), p["metadata"]["name"]
        if ns != subject["ns"] or not selects(spec.get("podSelector"), subject["labels"]) or direction not in types(spec):
            continue
        selecting.append(name)
        for rule in spec.get(key) or []:
            peers = rule.get(peers_key)
            if (not peers or any(peer_matches(x, ns, other) for x in peers)) and port_matches(rule.get("ports"), port):
                allowing.append(name); break
    return (not selecting or bool(allowing)), selecting, allowing

def names(list_): return ("policy " if len(list_) == 1 else "policies ") + ", ".join(list_)

dst_name = sys.argv[1]; dst = pods[dst_name]
for src_name, src in pods.items():
    if src_name == dst_name: continue
    for port in dst["ports"]:
        out_ok, out_sel, out_allow = judge("Egress", src, dst, port)
        in_ok, in_sel, in_allow = judge("Ingress", dst, src, port)
        if out_ok and in_ok:
            why = []
            why.append(names(in_allow) + " admits it" if in_allow else "nothing isolates " + dst_name + " for ingress")
            if out_allow: why.append(names(out_allow) + " lets " + src_name + " send it")
            print(src_name, dst_name, port, "allow", "; ".join(why))
        else:
            why = []
            if not in_ok: why.append("%s select%s %s for ingress and none admits %s on TCP %d" % (names(in_sel), "s" if len(in_sel) == 1 else "", dst_name, src_name, port))
            if not out_ok: why.append("%s select%s %s for egress and none lets it reach %s on TCP %d" % (names(out_sel), "s" if len(out_sel) == 1 else "", src_name, dst_name, port))
            print(src_name, dst_name, port, "deny", "; ".join(why))
'

# One TCP connection: connects from the current namespace to $1:$2 within 2 s, sends $3 and
# prints "connected REPLY" (REPLY "-" when none came), "refused", "timeout" or "unreachable".
PROBE='
import socket, sys
ip, port, token = sys.argv[1], int(sys.argv[2]), sys.argv[3]
s = socket.socket()
s.settimeout(2)
try:
    s.connect((ip, port))
except ConnectionRefusedError:
    print("refused"); sys.exit()
except socket.timeout:
    print("timeout"); sys.exit()
except OSError:
    print("unreachable"); sys.exit()
s.sendall((token + "\n").encode())
data = b""
try:
    while not data.endswith(b"\n"):
        chunk = s.recv(200)
        if not chunk: break
        data += chunk
except socket.timeout:
    pass
print("connected", data.decode(errors="replace").strip() or "-")
'

pod_ip() { jq -r --arg p "$1" '.[$p].ip' <<<"$PODS_JSON"; }

# The manifests in the node must still be the lab's: they are what the student enforces.
manifests_unchanged() {
  local f
  for f in $POLICY_FILES; do
    if ! diff -q <(policy "$f") <(node_file "/root/policies/$f") >/dev/null 2>&1; then
      fail "/root/policies/$f is not the manifest the lab gave (changed or removed): the policies are the specification, enforce them as written (the original is shown in the lab's description)"
    fi
  done
}

# check_into DST: evaluates the manifests for every connection into pod DST, makes each of them
# for real at once (the grader's own python, from inside the source pod) and fails on the first
# that the network does not treat as the manifests say.
check_into() {
  local dst=$1 matrix dir i=0 src port verdict why token result reply expected lines=()
  manifests_unchanged
  matrix=$(for f in $POLICY_FILES; do policy "$f"; echo ---; done | python3 -c "$EVALUATE" "$dst" "$PODS_JSON") \
    || fail "the grader could not evaluate the manifests (an error of the lab, not yours)"
  dir=$(mktemp -d)
  while read -r src _ port verdict why; do
    token="np-$(date +%s%N)-$i"
    lines+=("$src $port $verdict $token $why")
    ( in_netns "$src" python3 -c "$PROBE" "$(pod_ip "$dst")" "$port" "$token" > "$dir/$i" 2>&1 ) &
    i=$((i + 1))
  done <<<"$matrix"
  wait
  i=0
  for line in "${lines[@]}"; do
    read -r src port verdict token why <<<"$line"
    result=$(tail -n1 "$dir/$i"); i=$((i + 1))
    reply=${result#connected }
    expected="$dst saw $(pod_ip "$src") $token"
    if [ "$verdict" = allow ]; then
      case $result in
        connected*)
          [ "$reply" = "$expected" ] && continue
          [ "$reply" = - ] && { rm -rf "$dir"; fail "$src -> $dst:$port connected, but no reply came back, and the manifests allow it ($why): let the replies of allowed connections through"; }
          case $reply in
            "$dst saw "*" $token") rm -rf "$dir"; fail "$src -> $dst:$port reached $dst, but $dst saw the client as $(awk '{ print $3 }' <<<"$reply"), not $src's $(pod_ip "$src"): pod traffic must not be NATed" ;;
          esac
          rm -rf "$dir"; fail "$src -> $dst:$port: something answered, but not $dst's server (sent \"$token\", got \"$reply\")" ;;
        refused) rm -rf "$dir"; fail "$src -> $dst:$port was refused, but the manifests allow it ($why): a rule rejects it, or $dst's server is not running" ;;
        timeout) rm -rf "$dir"; fail "$src -> $dst:$port timed out (no answer to the SYN within 2 s), but the manifests allow it ($why); remember that replies must pass too" ;;
        *) rm -rf "$dir"; fail "$src -> $dst:$port failed ($result), but the manifests allow it ($why)" ;;
      esac
    else
      case $result in
        connected*) rm -rf "$dir"; fail "$src -> $dst:$port connected, but the manifests deny it: $why" ;;
      esac
    fi
  done
  rm -rf "$dir"
  summary=$(awk '{ printf "%s%s -> %s:%s %s", (NR > 1 ? ", " : ""), $1, $2, $3, ($4 == "allow" ? "connects" : "blocked") }' <<<"$matrix")
  pass "every connection into $dst behaves as the manifests say: $summary"
}
