if out=$(in_netns {{a}} ping -6 -c 1 -W 2 {{v6}}::3 2>&1); then
  grep -q "from {{v6}}::3" <<<"$out" || fail "{{a}} got an answer to ping -6 {{v6}}::3, but not from {{v6}}::3: $(grep -m1 'bytes from' <<<"$out")"
  pass "{{a}} pinged {{b}} over IPv6 ({{v6}}::3) and got the echo reply"
fi
grep -q "^{{v6}}::3/" <<<"$(pod_ipv6 {{b}})" || { explain_disabled {{b}}; fail "ping -6 {{v6}}::3 from {{a}} got no reply: {{b}} does not have {{v6}}::3 on eth0"; }
grep -q "^{{v6}}::2/" <<<"$(pod_ipv6 {{a}})" || { explain_disabled {{a}}; fail "{{a}} cannot ping -6 {{v6}}::3: {{a}} has no address {{v6}}::2 to send from"; }
fail "ping -6 -c 1 {{v6}}::3 from {{a}} got no reply within 2 s ($(tail -n 2 <<<"$out" | head -n 1)); both have their addresses: are both veths on cni0 and up?"
