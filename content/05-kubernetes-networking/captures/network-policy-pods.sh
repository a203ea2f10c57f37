# Shared setup of the network-policy captures: three "pods" (network namespaces) on the node's
# bridge cni0, each serving HTTP on port 8080 with its own nginx, and a script that tries every
# pair of them.
set -e
bash /opt/capture/bridge-pods.sh '{pod} answered $remote_addr\n' \
  frontend=10.244.1.10 backend=10.244.1.20 other=10.244.1.30
cat > /root/matrix.sh <<'EOS'
# Try a TCP connection (HTTP on 8080) from every pod to every other pod.
declare -A ip=([frontend]=10.244.1.10 [backend]=10.244.1.20 [other]=10.244.1.30)
for src in frontend backend other; do
  for dst in frontend backend other; do
    [ $src = $dst ] && continue
    if ip netns exec $src curl -s -o /dev/null --max-time 0.5 http://${ip[$dst]}:8080/
    then echo "$src -> $dst: connected"
    else echo "$src -> $dst: timed out"
    fi
  done
done
EOS
