// The grader sees the real state of a node even when the student, root in the node, replaced
// its tools with liars, and it cannot be pointed at files or namespaces outside the node.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { driver, ok, startRun } from './helpers';

const FAKE = '#!/bin/sh\necho "64 bytes from 192.168.15.2: icmp_seq=1 ttl=64 time=0.1 ms"\necho "1 received, 0% packet loss"\nexit 0\n';

describe('trusted grader', () => {
  it('sees the truth after the student replaced ip, ping, getent, dig, curl and iptables', async () => {
    const run = await startRun(['node01']);
    await ok(run, 'node01', 'ip netns add red');
    for (const tool of ['/usr/sbin/ip', '/usr/bin/ping', '/usr/bin/getent', '/usr/bin/dig', '/usr/bin/curl', '/usr/sbin/iptables', '/usr/bin/nsenter']) {
      await driver.writeFile(run.id, 'node01', tool, FAKE, 0o755);
    }
    assert.match(await ok(run, 'node01', 'ping -c1 192.168.15.2'), /0% packet loss/, 'the fake ping lies in the node');
    const check = await driver.execTrusted(run.id, 'node01', `
      in_netns red ping -c1 -W1 192.168.15.2 >/dev/null && pass "reached" || fail "red cannot reach 192.168.15.2"`);
    assert.equal(check.exitCode, 1);
    assert.equal(check.stdout.trim(), 'red cannot reach 192.168.15.2');
    const links = await driver.execTrusted(run.id, 'node01', 'in_netns red ip -j link | jq -r ".[].ifname"');
    assert.equal(links.stdout.trim(), 'lo');
  });

  it('reads node files with symlinks resolved inside the node', async () => {
    const run = await startRun(['node01']);
    await ok(run, 'node01', 'echo "10.0.0.5 db" > /root/my-hosts && ln -sf /root/my-hosts /etc/hosts && ln -s /etc/hostname /root/link');
    assert.equal((await driver.execTrusted(run.id, 'node01', 'node_file /etc/hosts')).stdout, '10.0.0.5 db\n');
    assert.equal((await driver.execTrusted(run.id, 'node01', 'node_file /root/link')).stdout.trim(), 'node01');
    await ok(run, 'node01', 'ln -sf ../../../../../proc/1/environ /root/escape');
    const escape = await driver.execTrusted(run.id, 'node01', 'node_file /root/escape | tr "\\0" "\\n" | grep -c NETDOJO_NODE=node01 || true');
    assert.equal(escape.stdout.trim(), '1', 'a ../ chain stays inside the node (its PID 1 environment)');
  });

  it('refuses a "namespace" that is a symlink to somewhere else', async () => {
    const run = await startRun(['node01']);
    await ok(run, 'node01', 'mkdir -p /run/netns && ln -s /proc/1/ns/net /run/netns/red');
    const check = await driver.execTrusted(run.id, 'node01', 'in_netns red ip link || exit 7');
    assert.equal(check.exitCode, 7);
    assert.match(check.stdout, /network namespace "red" does not exist/);
  });

  it('resolves names with the node\'s resolver files and its own libc', async () => {
    const run = await startRun(['node01']);
    // The node has no DNS server to ask: one quick try keeps the negative case fast.
    await ok(run, 'node01', 'printf "hosts: files dns\\n" > /etc/nsswitch.conf && echo "10.0.0.5 db.shop.lab db" >> /etc/hosts && echo "options timeout:1 attempts:1" >> /etc/resolv.conf');
    await driver.writeFile(run.id, 'node01', '/usr/bin/getent', FAKE, 0o755);
    const result = await driver.execTrusted(run.id, 'node01', 'node_getent hosts db');
    assert.match(result.stdout, /^10\.0\.0\.5\s+db\.shop\.lab db/);
    assert.notEqual((await driver.execTrusted(run.id, 'node01', 'node_getent hosts nothere.invalid')).exitCode, 0);
  });

  it('checks any node of a multi-node run', async () => {
    const run = await startRun(['node01', 'node02']);
    await ok(run, 'node02', 'ip addr add 10.244.2.1/24 dev lo');
    const result = await driver.execTrusted(run.id, 'node01', 'on_node node02 && in_node ip -j addr show dev lo | jq -r ".[0].addr_info[].local"');
    assert.match(result.stdout, /10\.244\.2\.1/);
  });
});
