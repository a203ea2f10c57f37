# Another correct method: each file written whole with a here-document.
cat > /etc/hosts <<'HOSTS'
127.0.0.1	localhost
::1	localhost ip6-localhost ip6-loopback
# the database, pinned locally
{{db_ip}}	db.shop.lab	db
HOSTS
cat > /etc/resolv.conf <<'RESOLV'
# the lab's DNS server first, a fallback second
nameserver 10.53.0.53
nameserver 10.53.0.54
domain shop.lab
options timeout:1 attempts:2
RESOLV
cat > /etc/nsswitch.conf <<'NSS'
passwd:         files
group:          files
shadow:         files
hosts:          files [NOTFOUND=continue] dns
networks:       files
protocols:      db files
services:       db files
NSS
