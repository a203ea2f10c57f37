// A student is root in their node. These tests play that student trying to get out or hurt
// others, on the real engine: each action must fail, and everyone else must be unaffected.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sandboxConfig } from '../../sandbox/config';
import { ensureEngine } from '../../sandbox/engine';
import type { Run } from '../../sandbox/driver';
import { addressOf, driver, ok, refused, sh, startRun } from './helpers';

const sh$ = (cmd: string) => execFileSync('bash', ['-c', cmd], { encoding: 'utf8' });

describe('limits', () => {
  it('contains a fork bomb in its node while other runs stay responsive', async () => {
    const [bombed, other] = await Promise.all([startRun(['node01']), startRun(['node01'])]);
    const bomb = sh(bombed, 'node01', 'bomb() { bomb | bomb & }; bomb; sleep 20', 8_000);
    await new Promise((r) => setTimeout(r, 2000));
    const started = Date.now();
    assert.match(await ok(other, 'node01', 'echo alive'), /alive/);
    const latency = Date.now() - started;
    assert.ok(latency < 5000, `the other run answered after ${latency} ms`);
    const pids = await driver.exec(bombed.id, 'node01', ['cat', '/sys/fs/cgroup/pids/pids.max']).catch(() => undefined);
    if (pids?.exitCode === 0) assert.equal(pids.stdout.trim(), '256');
    await bomb;
    await driver.destroyRun(bombed.id);
  });

  it('kills a memory hog inside its node only', async () => {
    const run = await startRun(['node01']);
    const hog = await sh(run, 'node01', 'python3 -c "x = bytearray(2 * 1024**3)"; echo "exit=$?"');
    assert.match(hog.stdout, /exit=137/, 'the hog was killed by the OOM killer');
    assert.match(await ok(run, 'node01', 'echo survived'), /survived/);
  });

  it('does not let the student raise their own limits', async () => {
    const run = await startRun(['node01']);
    for (const file of ['pids/pids.max', 'memory/memory.limit_in_bytes', 'cpu/cpu.cfs_quota_us']) {
      await refused(run, 'node01', `echo -1 > /sys/fs/cgroup/${file}`);
    }
    await refused(run, 'node01', 'mkdir -p /mnt/cg && mount -t cgroup -o memory cgroup /mnt/cg');
    await refused(run, 'node01', 'mkdir -p /mnt/cg2 && mount -t cgroup2 none /mnt/cg2');
    await refused(run, 'node01', 'mount -o remount,rw /sys/fs/cgroup');
  });
});

describe('host escape', () => {
  it('cannot write kernel.core_pattern, directly or through a fresh /proc', async () => {
    const before = sh$('cat /proc/sys/kernel/core_pattern');
    const run = await startRun(['node01']);
    await refused(run, 'node01', 'echo "|/tmp/x" > /proc/sys/kernel/core_pattern');
    await refused(run, 'node01', 'mkdir -p /mnt/p && mount -t proc proc /mnt/p && echo "|/tmp/x" > /mnt/p/sys/kernel/core_pattern');
    await refused(run, 'node01', 'sysctl -w kernel.core_pattern="|/tmp/x"');
    assert.equal(sh$('cat /proc/sys/kernel/core_pattern'), before);
  });

  it('cannot remount the root filesystem or the host /sys it was given', async () => {
    const run = await startRun(['node01']);
    await refused(run, 'node01', 'mount -o remount,ro /');
    await refused(run, 'node01', 'mount -o remount,rw /run/netdojo/sysfs');
    await refused(run, 'node01', 'echo 1 > /run/netdojo/sysfs/kernel/mm/ksm/run');
  });

  it('runs as an unprivileged uid on the host', async () => {
    const run = await startRun(['node01']);
    const status = sh$(`grep Uid /proc/${run.nodes[0]!.hostPid}/status`);
    assert.doesNotMatch(status, /\t0\t/, `node PID 1 runs as host root: ${status}`);
  });

  it('has no Docker socket and cannot reach the engine', async () => {
    const run = await startRun(['node01']);
    await refused(run, 'node01', 'ls /var/run/docker.sock /run/docker.sock /run/netdojo/docker.sock 2>&1 | grep -v "No such"');
    await refused(run, 'node01', 'find / -xdev -type s -name "*.sock" 2>/dev/null | grep -q .');
  });
});

describe('network isolation', () => {
  // A "world" of our own: a namespace on this machine with a listener, reachable from the host,
  // standing in for the internet. Egress from a node must not reach it.
  const world = { ns: 'ndtest-world', hostIp: '198.18.77.1', ip: '198.18.77.2', port: 18080 };
  let hostService: Server;
  let hostPort = 0;

  before(async () => {
    sh$(`ip netns del ${world.ns} 2>/dev/null; ip link del ndtest-w0 2>/dev/null; true
      ip netns add ${world.ns}
      ip link add ndtest-w0 type veth peer name w1 netns ${world.ns}
      ip addr add ${world.hostIp}/24 dev ndtest-w0 && ip link set ndtest-w0 up
      ip -n ${world.ns} addr add ${world.ip}/24 dev w1 && ip -n ${world.ns} link set w1 up && ip -n ${world.ns} link set lo up
      ip -n ${world.ns} route add default via ${world.hostIp}`);
    // node, not python's http.server: that one looks its own address up in DNS and hangs here.
    const server = `require('http').createServer((q, s) => s.end('world')).listen(${world.port}, '${world.ip}')`;
    sh$(`ip netns exec ${world.ns} ${process.execPath} -e "${server}" >/dev/null 2>&1 & disown`);
    hostService = createServer((s) => s.end('host secret\n'));
    // '::' listens on IPv4 and IPv6 alike, as many real services do.
    await new Promise<void>((r) => hostService.listen(0, '::', r));
    hostPort = (hostService.address() as { port: number }).port;
    // The test is only meaningful if the world answers the host itself.
    sh$(`for i in $(seq 50); do curl -sf -m1 http://${world.ip}:${world.port}/ >/dev/null && exit 0; sleep 0.1; done; exit 1`);
  });

  after(() => {
    hostService?.close();
    sh$(`pkill -f "listen\\(${world.port}" ; ip netns del ${world.ns}; ip link del ndtest-w0 2>/dev/null; true`);
  });

  const gatewayOf = (run: Run) => addressOf(run, 'node01').replace(/\.\d+$/, '.1');

  it('has no egress, even with a default route the student adds', async () => {
    const run = await startRun(['node01']);
    await refused(run, 'node01', `curl -sf -m3 http://${world.ip}:${world.port}/`);
    await ok(run, 'node01', `ip route replace default via ${gatewayOf(run)}`);
    await refused(run, 'node01', `curl -sf -m3 http://${world.ip}:${world.port}/`);
    await refused(run, 'node01', `ping -c1 -W2 ${world.ip}`);
  });

  it('cannot reach services listening on the host', async () => {
    const run = await startRun(['node01']);
    const hostIps = sh$(`ip -4 -o addr show scope global | awk '{print $4}' | cut -d/ -f1`).split('\n').filter(Boolean);
    await ok(run, 'node01', `ip route replace default via ${gatewayOf(run)}`);
    for (const ip of [gatewayOf(run), ...hostIps]) {
      await refused(run, 'node01', `echo | nc -w2 ${ip} ${hostPort}`);
    }
    // net.* sysctls belong to the student: with IPv6 switched on, the host's link-local
    // address on the lab bridge is one hop away.
    const bridge = sh$(`ip -o -4 addr | awk '$4 ~ /^${gatewayOf(run).replace(/\./g, '\\.')}\\// {print $2}'`).trim();
    const linkLocal = sh$(`ip -6 -o addr show dev ${bridge} scope link | awk '{print $4}' | cut -d/ -f1`).trim();
    assert.ok(linkLocal, `the bridge ${bridge} has no IPv6 link-local address`);
    await ok(run, 'node01', 'sysctl -w net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.eth0.disable_ipv6=0 && sleep 2');
    await refused(run, 'node01', `echo | nc -6 -w2 ${linkLocal}%eth0 ${hostPort}`);
  });

  it('keeps two runs apart, even with routes pointing at each other', async () => {
    const [a, b] = await Promise.all([startRun(['node01']), startRun(['node01'])]);
    await ok(b, 'node01', 'python3 -m http.server 8080 >/dev/null 2>&1 & sleep 0.5');
    const target = addressOf(b, 'node01');
    await refused(a, 'node01', `curl -sf -m3 http://${target}:8080/`);
    await ok(a, 'node01', `ip route replace default via ${gatewayOf(a)}`);
    await ok(b, 'node01', `ip route replace default via ${gatewayOf(b)}`);
    await refused(a, 'node01', `curl -sf -m3 http://${target}:8080/`);
    await refused(a, 'node01', `ping -c1 -W2 ${target}`);
    // Control: the server is up, as its own node sees it.
    await ok(b, 'node01', 'curl -sf -m3 http://127.0.0.1:8080/ >/dev/null');
  });
});

describe('engine', () => {
  // A stand-in engine on a unix socket that answers /info like a dockerd without userns-remap.
  async function fakeEngine(securityOptions: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'nd-engine-'));
    const socketPath = join(dir, 'docker.sock');
    const server = createHttpServer((req, res) => {
      res.end(JSON.stringify({ SecurityOptions: securityOptions, ServerVersion: 'fake', KernelVersion: '6' }));
    });
    await new Promise<void>((r) => server.listen(socketPath, r));
    return { config: sandboxConfig({ NETDOJO_DOCKER_SOCKET: socketPath }), close: () => server.close() };
  }

  it('refuses an engine without a user namespace', async () => {
    const engine = await fakeEngine(['name=seccomp,profile=default']);
    try {
      await assert.rejects(ensureEngine(() => {}, engine.config), /without a user namespace/);
    } finally {
      engine.close();
    }
  });

  it('accepts it in single-user mode, with a visible warning', async () => {
    const engine = await fakeEngine([]);
    const lines: string[] = [];
    try {
      const info = await ensureEngine((l) => lines.push(l), { ...engine.config, singleUser: true });
      assert.equal(info.userns, false);
      assert.match(lines.join('\n'), /WARNING: single-user mode/);
    } finally {
      engine.close();
    }
  });

  it('runs the real engine with a user namespace', async () => {
    assert.equal((await ensureEngine()).userns, true);
  });

  it('never starts an engine for a socket the operator named', async () => {
    await assert.rejects(ensureEngine(() => {}, sandboxConfig({ NETDOJO_DOCKER_SOCKET: '/nonexistent/docker.sock' })), /does not answer/);
  });
});
