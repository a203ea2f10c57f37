load_conflist

if jq -e 'has("plugins") | not' <<<"$CONF" >/dev/null; then
  jq -e 'has("type")' <<<"$CONF" >/dev/null \
    && fail "$CONFLIST holds a single plugin's configuration (the .conf format): a conflist wraps the plugins of the network in a \"plugins\" list, next to cniVersion and name"
  fail "$CONFLIST has no \"plugins\" list: a conflist names the network's plugins in order under \"plugins\""
fi
jq -e '.plugins | type == "array" and length > 0' <<<"$CONF" >/dev/null || fail "\"plugins\" in $CONFLIST must be a non-empty list of plugin configurations"

name=$(jq -r '.name // ""' <<<"$CONF")
[ "$name" = mynet ] || fail "the network is named \"$name\": name it mynet (host-local keeps its files under /var/lib/cni/networks/<name>, and the DEL task needs mynet's)"

# Every executable the chain runs, interface and IPAM plugins alike, must be a file name the
# runtime finds in its CNI_PATH: here /usr/lib/cni (Debian) or /opt/cni/bin (upstream).
while IFS=$'\t' read -r where type; do
  [ -n "$type" ] || fail "$where of $CONFLIST has no \"type\": every plugin entry names its executable with \"type\""
  case $type in
    */*|.|..) fail "$where is \"$type\": a type is a plain file name, looked up in CNI_PATH" ;;
  esac
  found=''
  for dir in /usr/lib/cni /opt/cni/bin; do
    path=$(node_path "$dir/$type") && [ -f "$path" ] && [ -x "$path" ] && found=$dir && break
  done
  [ -n "$found" ] || fail "$where is \"$type\", but there is no plugin \"$type\" in /usr/lib/cni: every ADD would fail with 'failed to find plugin \"$type\" in path'; ls /usr/lib/cni lists the plugins there"
done < <(jq -r '.plugins | to_entries[] | ["plugins[\(.key)].type", (.value.type // "" | tostring)], (select(.value.ipam != null) | ["plugins[\(.key)].ipam.type", (.value.ipam.type // "" | tostring)]) | @tsv' <<<"$CONF")

version=$(jq -r '.cniVersion // ""' <<<"$CONF")
[ -n "$version" ] || fail "$CONFLIST has no cniVersion: declare the version of the spec it follows, 1.0.0"
# Asked of the grader's own copy of the plugin, the same package as the node's.
supported=$(echo '{"cniVersion":"1.0.0"}' | CNI_COMMAND=VERSION /usr/lib/cni/bridge | jq -r '.supportedVersions | join(" ")')
case " $supported " in
  *" $version "*) ;;
  *) fail "cniVersion \"$version\" is not one the plugins in /usr/lib/cni speak ($supported): every ADD would fail with 'incompatible CNI versions'; declare 1.0.0" ;;
esac
case $version in
  0.1.0|0.2.0|0.3.0|0.3.1) fail "cniVersion \"$version\" predates CHECK (added in 0.4.0): a runtime could not CHECK this network; declare 1.0.0" ;;
esac

bridge=$(jq -c '.plugins[0]' <<<"$CONF")
type=$(jq -r '.type' <<<"$bridge")
[ "$type" = bridge ] || fail "the first plugin is \"$type\": the chain starts with the interface plugin, here bridge, which creates the pod's eth0"
brname=$(jq -r '.bridge // "cni0"' <<<"$bridge")
[ "$brname" = cni0 ] || fail "the bridge plugin's \"bridge\" is \"$brname\": name it cni0"
jq -e '.isGateway == true' <<<"$bridge" >/dev/null \
  || fail "the bridge plugin's isGateway is not true: without it cni0 gets no gateway address and the pods no way out of their subnet; set \"isGateway\": true"
jq -e '.ipMasq == true' <<<"$bridge" >/dev/null \
  || fail "the bridge plugin's ipMasq is not true: pod traffic leaving {{net}} would keep its pod address, which the rest of the network cannot answer; set \"ipMasq\": true"
ipam=$(jq -r '.ipam.type // ""' <<<"$bridge")
[ "$ipam" = host-local ] || fail "the bridge plugin's ipam type is \"${ipam:-missing}\": use host-local, which hands out addresses from a range and records them in /var/lib/cni/networks/mynet"
ranges=$(jq -r '[.ipam.subnet?, (.ipam.ranges[]?[]?.subnet?)] | map(select(type == "string")) | join(", ")' <<<"$bridge")
case ", $ranges, " in
  *", {{net}}, "*) ;;
  *) fail "host-local's range is ${ranges:-missing}, expected {{net}}: set it with \"ranges\": [[{\"subnet\": \"{{net}}\"}]]" ;;
esac

pass "$CONFLIST describes network mynet: bridge cni0 as the gateway, with ipMasq, and host-local addresses from {{net}}; every plugin it names is in /usr/lib/cni"
