# The value the node would get at boot from `sysctl --system`: /etc/sysctl.d/*.conf in name
# order, then /etc/sysctl.conf; the last assignment wins. Both keys set IPv4 forwarding.
files=()
ignored=()
dir=$(node_path /etc/sysctl.d) || dir=''
if [ -n "$dir" ] && [ -d "$dir" ]; then
  for p in "$dir"/*; do
    [ -e "$p" ] || continue
    name=${p##*/}
    case $name in
      *.conf) files+=("/etc/sysctl.d/$name") ;;
      *) ignored+=("/etc/sysctl.d/$name") ;;
    esac
  done
fi
files+=(/etc/sysctl.conf)
value=''
source=''
for f in "${files[@]}"; do
  content=$(node_file "$f" 2>/dev/null) || continue
  found=$(awk '
    { sub(/^[ \t]+/, "") }
    /^[#;]/ || $0 == "" { next }
    {
      line = $0; sub(/^-/, "", line)
      eq = index(line, "="); if (eq == 0) next
      key = substr(line, 1, eq - 1); val = substr(line, eq + 1)
      gsub(/[ \t]/, "", key); gsub(/\//, ".", key)
      sub(/^[ \t]+/, "", val); sub(/[ \t\r]+$/, "", val)
      if (key == "net.ipv4.ip_forward" || key == "net.ipv4.conf.all.forwarding") last = key "=" val
    }
    END { if (last != "") print last }' <<<"$content")
  if [ -n "$found" ]; then value=${found#*=}; source="$f (${found%%=*} = $value)"; fi
done
if [ "$value" = 1 ]; then pass "forwarding is switched on at boot by $source"; fi
if [ -n "$value" ]; then fail "after reading every file, the last setting is in $source: forwarding would be off after a reboot"; fi
for f in "${ignored[@]}"; do
  if node_file "$f" 2>/dev/null | grep -Eq '^[[:space:]]*-?net[./]ipv4[./](ip_forward|conf[./]all[./]forwarding)[[:space:]]*='; then
    fail "$f sets forwarding, but sysctl only reads files in /etc/sysctl.d/ whose name ends in .conf"
  fi
done
fail "neither /etc/sysctl.conf nor a /etc/sysctl.d/*.conf file sets net.ipv4.ip_forward = 1 (a line starting with # is only a comment)"
