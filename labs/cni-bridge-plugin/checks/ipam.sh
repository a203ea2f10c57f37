node_path "$ALLOC_DIR" >/dev/null && [ -d "$(node_path "$ALLOC_DIR")" ] \
  || fail "there is no $ALLOC_DIR: host-local creates it on its first ADD for network mynet"

ids=''
for pod in {{a}} {{b}}; do
  attachment "$pod"
  owner=$(allocation_owner "$ADDR")
  [ -n "$owner" ] || fail "$pod's address $ADDR has no file in $ALLOC_DIR: host-local did not hand it out, so it would give it to the next pod as well; DEL the pod's network and ADD it again through the plugins instead of setting addresses by hand"
  ifname=$(allocation_ifname "$ADDR")
  [ "$ifname" = eth0 ] || fail "host-local's file for $ADDR names interface \"$ifname\" of container $owner, not eth0: attach $pod with CNI_IFNAME=eth0"
  case " $ids " in
    *" $owner "*) fail "{{a}} and {{b}} were both added with CNI_CONTAINERID=$owner: each attachment needs its own container ID, or a DEL of one pod would release the other's address too" ;;
  esac
  ids="$ids $owner"
done
pass "host-local recorded both addresses in $ALLOC_DIR, each with its own container ID (${ids# }) and eth0"
