# A repair by editing: drop every search, domain and options line (misspelt ones included) and
# add the kubelet's, keeping the nameserver line and adding resolver options of one's own.
set -euo pipefail
f=/etc/netns/{{pod}}/resolv.conf
sed -i -E '/^[[:space:]]*(search|domain|options?)([[:space:]]|$)/d' "$f"
echo 'search default.svc.cluster.local svc.cluster.local cluster.local' >> "$f"
echo 'options timeout:2 ndots:5 attempts:2' >> "$f"
ip netns exec {{pod}} getent hosts web db.{{db_ns}}
