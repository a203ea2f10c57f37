# The node task of $NODE: routes to every other pod CIDR installed by a BGP daemon from what the
# owner announced, over at least one established BGP session.
me=$NODE
for owner in $(others_of "$me"); do
  found=$(static_route "$me" "$owner")
  [ -z "$found" ] || fail "$(route_problem "$me" "$owner")"
done

# Sessions take a few seconds to come up after a daemon starts: wait for them only where a
# daemon is listening, so that a node without one fails at once.
peers=$(bgp_peers "$me")
if [ -z "$peers" ]; then
  bgp_listening "$me" || fail "nothing on $me speaks BGP (no listener on TCP port 179): start BIRD (bird) or FRR's bgpd, peer with the other nodes and announce ${CIDR[$me]}"
  for _ in $(seq 20); do
    sleep 0.5
    peers=$(bgp_peers "$me")
    [ -n "$peers" ] && break
  done
  [ -n "$peers" ] || fail "a BGP daemon listens on $me (TCP port 179), but it has no session established with another node: check its neighbor addresses (the other nodes' eth0 addresses) and that every node uses the same AS number (iBGP)"
fi

# Routes follow a session within a second or two: wait only while some are still missing, as a
# wrong route (unreachable, via the wrong node) does not mend itself.
others=($(others_of "$me"))
for _ in $(seq 8); do
  problems=()
  for owner in "${others[@]}"; do
    problem=$(route_problem "$me" "$owner")
    [ -z "$problem" ] || problems+=("$problem")
  done
  [ ${#problems[@]} -eq 0 ] && break
  wrong=''
  for problem in "${problems[@]}"; do
    case $problem in "$me has no route to"*) ;; *) wrong=$problem; break ;; esac
  done
  [ -n "$wrong" ] && break
  sleep 0.5
done
[ ${#problems[@]} -eq 0 ] || fail "${wrong:-${problems[0]}}"
pass "$me has BGP sessions with $(echo $peers | sed 's/ /, /g'), and its routes to ${CIDR[${others[0]}]} and ${CIDR[${others[1]}]} are learned by BGP, each via the node that owns it"
