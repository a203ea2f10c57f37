# Shared by every check of resolver-config. The node's files are read from outside
# (node_file), and names are resolved with node_getent: the grader's own getent and libc,
# reading the node's /etc/hosts, /etc/resolv.conf and /etc/nsswitch.conf.

# The file without comments or blank lines; resolv.conf comments start with # or ;.
conf_lines() { node_file "$1" | sed -e 's/[#;].*//' -e 's/[[:space:]]*$//' | grep -v '^[[:space:]]*$'; }

# The nameserver addresses of /etc/resolv.conf, in order (the resolver reads the first word).
nameservers() { conf_lines /etc/resolv.conf | awk '$1 == "nameserver" && NF >= 2 { print $2 }'; }

# The address `getent hosts NAME` gives in the node, or nothing. getent exits 2 when the name
# is not found, which is a finding here, not a broken check.
# RES_OPTIONS (read by the resolver in libc) bounds the wait: Docker's resolver at 127.0.0.11,
# which the node starts with, forwards unknown names to servers it cannot reach and would
# keep the check waiting about 20 s.
resolve() { RES_OPTIONS='timeout:1 attempts:1' node_getent hosts "$1" 2>/dev/null | awk 'NR == 1 { print $1 }'; }
