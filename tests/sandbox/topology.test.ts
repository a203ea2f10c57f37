// What students build inside nodes works on the real engine: namespaces, veth, bridges,
// routes between nodes, VXLAN between nodes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addressOf, ok, sh, startRun } from './helpers';

describe('one node', () => {
  it('connects two namespaces with a veth pair and pings across', async () => {
    const run = await startRun(['node01']);
    await ok(run, 'node01', `
      ip netns add red && ip netns add blue
      ip link add veth-red type veth peer name veth-blue
      ip link set veth-red netns red && ip link set veth-blue netns blue
      ip -n red addr add 192.168.15.1/24 dev veth-red && ip -n blue addr add 192.168.15.2/24 dev veth-blue
      ip -n red link set veth-red up && ip -n blue link set veth-blue up`);
    const out = await ok(run, 'node01', 'ip netns exec red ping -c2 -W2 192.168.15.2 && ip netns exec blue ping -c1 -W2 192.168.15.1');
    assert.match(out, /0% packet loss/);
    // The peer end really lives in blue: red has no such address itself.
    assert.doesNotMatch(await ok(run, 'node01', 'ip -n red -br addr'), /192\.168\.15\.2/);
  });

  it('joins four namespaces on a bridge with default routes, node reachable', async () => {
    const run = await startRun(['node01']);
    await ok(run, 'node01', `
      ip link add v-net-0 type bridge && ip addr add 192.168.15.5/24 dev v-net-0 && ip link set v-net-0 up
      ip addr add 10.99.0.1/32 dev lo
      i=1
      for ns in red blue orange gray; do
        ip netns add $ns
        ip link add veth-$ns type veth peer name veth-$ns-br
        ip link set veth-$ns netns $ns
        ip link set veth-$ns-br master v-net-0 up
        ip -n $ns addr add 192.168.15.$i/24 dev veth-$ns
        ip -n $ns link set veth-$ns up
        ip -n $ns link set lo up
        ip -n $ns route add default via 192.168.15.5
        i=$((i+1))
      done`);
    const out = await ok(run, 'node01', `
      for ns in red blue orange gray; do
        for ip in 192.168.15.1 192.168.15.2 192.168.15.3 192.168.15.4 192.168.15.5 10.99.0.1; do
          ip netns exec $ns ping -c1 -W2 $ip >/dev/null || { echo "FAIL $ns -> $ip"; exit 1; }
        done
      done; echo all-reached`);
    assert.match(out, /all-reached/);
    assert.match(await ok(run, 'node01', 'ping -c1 -W2 192.168.15.3'), /1 received/);
  });

  it('lets students use iptables (nft and legacy), sysctl, tc and the CNI plugins', async () => {
    const run = await startRun(['node01']);
    await ok(run, 'node01', `
      sysctl -w net.ipv4.ip_forward=1 && test "$(cat /proc/sys/net/ipv4/ip_forward)" = 1
      iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE && iptables -t nat -S | grep -q MASQUERADE
      iptables-legacy -A INPUT -p tcp --dport 9 -j DROP && iptables-legacy -S | grep -q 'dport 9'
      nft add table inet t && nft add chain inet t c '{ type filter hook input priority 0; }'
      ip link add br-tc type bridge && tc qdisc add dev br-tc root tbf rate 1mbit burst 32kbit latency 400ms
      ip link add vx-test type vxlan id 7 dstport 4789 dev eth0 && ip link add mv-test link eth0 type macvlan mode bridge
      ip netns add pod
      cat > /tmp/net.conf <<'JSON'
      {"cniVersion":"1.0.0","name":"t","type":"bridge","bridge":"cni0","isGateway":true,"ipMasq":true,
       "ipam":{"type":"host-local","subnet":"10.22.0.0/16","routes":[{"dst":"0.0.0.0/0"}]}}
      JSON
      CNI_COMMAND=ADD CNI_CONTAINERID=pod CNI_NETNS=/run/netns/pod CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni \
        /usr/lib/cni/bridge < /tmp/net.conf | jq -e '.ips[0].address | startswith("10.22.")'
      ip netns exec pod ping -c1 -W2 10.22.0.1`);
  });

  it('keeps a daemon running after the command that started it returns', async () => {
    const run = await startRun(['node01']);
    const started = await sh(run, 'node01', 'python3 -m http.server 8000 & sleep 0.5; echo started', 15_000);
    assert.equal(started.exitCode, 0);
    assert.equal(started.timedOut, false);
    await ok(run, 'node01', 'for i in $(seq 50); do curl -sf localhost:8000 >/dev/null && exit 0; sleep 0.1; done; exit 1');
  });
});

describe('three nodes', () => {
  it('routes pod CIDRs between nodes with static routes, without NAT', async () => {
    const run = await startRun(['node01', 'node02', 'node03']);
    const podNet = (i: number) => `10.244.${i}`;
    const names = ['node01', 'node02', 'node03'];
    await Promise.all(names.map((node, i) => ok(run, node, `
      sysctl -w net.ipv4.ip_forward=1 >/dev/null
      ip link add cni0 type bridge && ip addr add ${podNet(i + 1)}.1/24 dev cni0 && ip link set cni0 up
      ip netns add pod && ip link add veth-pod type veth peer name eth0 netns pod
      ip link set veth-pod master cni0 up
      ip -n pod addr add ${podNet(i + 1)}.2/24 dev eth0 && ip -n pod link set eth0 up && ip -n pod link set lo up
      ip -n pod route add default via ${podNet(i + 1)}.1
      ${names.map((other, j) => (j === i ? '' : `ip route add ${podNet(j + 1)}.0/24 via ${addressOf(run, other)}`)).join('\n')}`)));
    const out = await ok(run, 'node01', `ip netns exec pod ping -c2 -W2 ${podNet(2)}.2 && ip netns exec pod ping -c2 -W2 ${podNet(3)}.2`);
    assert.match(out, /0% packet loss/);
    await ok(run, 'node03', `ip netns exec pod ping -c1 -W2 ${podNet(1)}.2`);
    // The receiver sees the sender's pod address: traffic was routed, not masqueraded.
    const capture = sh(run, 'node02', `timeout 8 tcpdump -lni cni0 -c1 'icmp[icmptype]=icmp-echo' 2>/dev/null`, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    await ok(run, 'node01', `ip netns exec pod ping -c2 -W2 ${podNet(2)}.2`);
    assert.match((await capture).stdout, new RegExp(`${podNet(1)}\\.2 > ${podNet(2)}\\.2`));
  });

  it('carries pod traffic over VXLAN between nodes', async () => {
    const run = await startRun(['node01', 'node02']);
    const peer = { node01: 'node02', node02: 'node01' } as const;
    await Promise.all((['node01', 'node02'] as const).map((node, i) => ok(run, node, `
      sysctl -w net.ipv4.ip_forward=1 >/dev/null
      ip link add flannel.1 type vxlan id 1 dstport 8472 dev eth0 local ${addressOf(run, node)} nolearning
      ip addr add 10.244.${i + 1}.0/32 dev flannel.1 && ip link set flannel.1 up
      ip netns add pod && ip link add veth-pod type veth peer name eth0 netns pod
      ip addr add 10.244.${i + 1}.1/24 dev veth-pod && ip link set veth-pod up
      ip -n pod addr add 10.244.${i + 1}.2/24 dev eth0 && ip -n pod link set eth0 up
      ip -n pod route add default via 10.244.${i + 1}.1
`)));
    // Each side learns the peer's VTEP MAC, then points the remote pod CIDR at the VXLAN device.
    for (const [i, node] of (['node01', 'node02'] as const).entries()) {
      const other = peer[node];
      const otherMac = (await ok(run, other, 'cat /sys/class/net/flannel.1/address')).trim();
      await ok(run, node, `
        ip neigh replace 10.244.${2 - i}.0 lladdr ${otherMac} dev flannel.1 nud permanent
        bridge fdb append ${otherMac} dev flannel.1 dst ${addressOf(run, other)}
        ip route add 10.244.${2 - i}.0/24 via 10.244.${2 - i}.0 dev flannel.1 onlink`);
    }
    const capture = sh(run, 'node02', `timeout 8 tcpdump -lni eth0 -c1 'udp port 8472' 2>/dev/null`, 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    assert.match(await ok(run, 'node01', 'ip netns exec pod ping -c2 -W2 10.244.2.2'), /0% packet loss/);
    assert.match((await capture).stdout, /8472/);
  });
});
