find_pause
pass "pause (pid $(pid_in_node "$PAUSE") on the node) runs in {{pod1}}'s network namespace: it holds the pod's sandbox"
