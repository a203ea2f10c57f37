load_conflist
# CHECK is run with the grader's own plugins and the node's configuration. Only the bridge
# entry with host-local is run: the types are checked before anything is executed.
bridge=$(jq -c '{cniVersion, name} + .plugins[0]?' <<<"$CONF" 2>/dev/null)
jq -e '.type == "bridge" and .ipam.type == "host-local"' <<<"$bridge" >/dev/null 2>&1 \
  || fail "the first plugin of $CONFLIST must be bridge with host-local IPAM for the bridge plugin's CHECK to run"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# host-local's CHECK looks for the pod's allocation in its data directory: it gets a copy of
# the node's, so that nothing the plugin does touches the node's files.
mkdir "$work/mynet"
dir=$(node_path "$ALLOC_DIR")
for path in "$dir"/*; do
  case ${path##*/} in *[!0-9.]*|'') continue ;; esac
  [ -f "$path" ] && [ ! -L "$path" ] && cp "$path" "$work/mynet/"
done

for pod in {{a}} {{b}}; do
  attachment "$pod"
  netns=$(netns_file "$pod")
  owner=$(allocation_owner "$ADDR")
  [ -n "$owner" ] || fail "$pod's address $ADDR has no host-local file: attach it through the plugins first"
  # prevResult is what ADD reported: the bridge, the node's veth end and eth0 in the pod, the
  # address host-local recorded for this container and the routes of the IPAM section.
  jq --arg dir "$work" --arg netns "$netns" --arg addr "$ADDR/$PREFIX" --arg veth "$HOSTVETH" '
    .ipam.dataDir = $dir
    | . + {prevResult: {
        cniVersion,
        interfaces: [{name: (.bridge // "cni0")}, {name: $veth}, {name: "eth0", sandbox: $netns}],
        ips: [{version: "4", interface: 2, address: $addr}],
        routes: (.ipam.routes // [])
      }}' <<<"$bridge" > "$work/check.json"
  if ! out=$(in_node env CNI_COMMAND=CHECK CNI_CONTAINERID="$owner" CNI_NETNS="$netns" CNI_IFNAME=eth0 \
      CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < "$work/check.json" 2>&1); then
    msg=$(jq -r '.msg // empty' <<<"$out" 2>/dev/null)
    fail "the bridge plugin's CHECK of $pod (container $owner) fails: ${msg:-$out}. CHECK compares the pod with what ADD built and the conflist describes: put back what was changed, or DEL and ADD $pod again"
  fi
done
pass "the bridge plugin's CHECK passes for {{a}} and {{b}}: each is still exactly as ADD built it"
