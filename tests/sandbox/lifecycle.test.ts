// Runs come and go without residue: destroy, TTL expiry and the gc of a crashed process leave
// no container, network, netns mount or host firewall rule behind.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { SandboxError, type Run } from '../../sandbox/driver';
import { probeKernelFeatures } from '../../sandbox/kernel-features';
import { driver, ok, sh, startRun } from './helpers';

const hostRules = () => execFileSync('sh', ['-c', 'iptables -S DOCKER-USER; iptables -S INPUT; ip6tables -S INPUT; ip6tables -S FORWARD'], { encoding: 'utf8' });
/** Namespace inodes that some mount on the host still pins (nsfs mounts show `net:[INODE]`). */
const pinnedNamespaces = () => readFileSync('/proc/self/mountinfo', 'utf8').match(/net:\[\d+\]/g) ?? [];
const namespaceOf = (path: string) => `net:[${statSync(path).ino}]`;
const netdojoBridges = () => readdirSync('/sys/class/net').filter((n) => /^nd[0-9a-f]{10}$/.test(n));
/** The host interfaces holding the gateways (.1) of the run's networks: its bridges. */
const bridgesOf = (run: Run) => {
  const gateways = new Set(run.nodes.flatMap((n) => n.addresses.map((a) => a.subnet.replace(/\.0\/24$/, '.1'))));
  const links = JSON.parse(execFileSync('ip', ['-j', '-4', 'addr'], { encoding: 'utf8' })) as { ifname: string; addr_info: { local: string }[] }[];
  return links.filter((l) => l.addr_info.some((a) => gateways.has(a.local))).map((l) => l.ifname);
};

async function engineHas(runId: string): Promise<boolean> {
  return (await driver.listRuns()).some((r) => r.id === runId);
}

describe('destroy', () => {
  it('leaves no container, network, netns mount or firewall rule behind', async () => {
    const run = await driver.createRun({ nodes: [{ name: 'node01' }, { name: 'node02', networks: ['storage'] }], networks: ['storage'], ttlSeconds: 60 });
    await ok(run, 'node01', 'ip netns add red && ip netns add blue && ip link add veth-a type veth peer name veth-b netns red');
    const pid = run.nodes[0]!.hostPid;
    const namespaces = [namespaceOf(`/proc/${pid}/ns/net`), namespaceOf(`/proc/${pid}/root/run/netns/red`)];
    assert.ok(pinnedNamespaces().some((ns) => namespaces.includes(ns)), 'the engine pins the node namespace while it runs');
    const bridges = bridgesOf(run);
    assert.equal(bridges.length, 2, 'one bridge per run network');
    for (const b of bridges) assert.match(hostRules(), new RegExp(`-i ${b}`));

    await driver.destroyRun(run.id);
    assert.equal(await engineHas(run.id), false);
    for (const b of bridges) {
      assert.doesNotMatch(hostRules(), new RegExp(`-i ${b}`));
      assert.ok(!(netdojoBridges()).includes(b), `bridge ${b} still exists`);
    }
    const leaked = pinnedNamespaces().filter((ns) => namespaces.includes(ns));
    assert.deepEqual(leaked, [], 'netns mounts of the run outlived it');
    // Destroying twice is harmless: the reaper and a user may race.
    await driver.destroyRun(run.id);
  });
});

describe('gc', () => {
  it('removes the runs of a process that was killed', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./orphan-maker.ts', import.meta.url))], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const runId = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        const id = /run=(\S+)/.exec(d.toString())?.[1];
        if (id) resolve(id);
      });
      child.on('exit', (code) => reject(new Error(`orphan-maker exited ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.equal(await engineHas(runId), true, 'the killed process left its run behind');

    const live = await startRun(['node01']);
    const report = await driver.gc();
    assert.ok(report.runs.includes(runId));
    assert.equal(await engineHas(runId), false);
    assert.equal(await engineHas(live.id), true, 'gc removed a run whose owner is alive');
  });

  it('removes expired runs and keeps the ones it is told to keep', async () => {
    const expired = await driver.createRun({ nodes: [{ name: 'node01' }], ttlSeconds: 0 });
    const kept = await driver.createRun({ nodes: [{ name: 'node01' }], ttlSeconds: 0 });
    await driver.gc({ keep: (id) => id === kept.id });
    assert.equal(await engineHas(expired.id), false);
    assert.equal(await engineHas(kept.id), true);
    await driver.destroyRun(kept.id);
  });
});

describe('exec, files and terminals', () => {
  it('passes stdin, reports exit codes and stops a command at its timeout', async () => {
    const run = await startRun(['node01']);
    assert.deepEqual(
      await driver.exec(run.id, 'node01', ['sh', '-c', 'tr a-z A-Z; echo oops >&2; exit 3'], { stdin: 'hello' }),
      { exitCode: 3, stdout: 'HELLO', stderr: 'oops\n', timedOut: false },
    );
    const slow = await driver.exec(run.id, 'node01', ['sleep', '30'], { timeoutMs: 500 });
    assert.equal(slow.timedOut, true);
    assert.equal((await sh(run, 'node01', 'pgrep -x sleep | grep -v "^7$" || echo none')).stdout.trim().split('\n').length, 1);
  });

  it('reads, writes and lists files, and students can sed -i /etc files', async () => {
    const run = await startRun(['node01']);
    await driver.writeFile(run.id, 'node01', '/root/notes.yaml', 'a: 1\n');
    assert.equal((await driver.readFile(run.id, 'node01', '/root/notes.yaml')).toString(), 'a: 1\n');
    assert.ok((await driver.listFiles(run.id, 'node01', '/root')).some((f) => f.name === 'notes.yaml' && f.type === 'file'));
    await assert.rejects(driver.readFile(run.id, 'node01', '/nope'), (e: unknown) => e instanceof SandboxError && e.code === 'FileNotFound');
    await assert.rejects(driver.readFile(run.id, 'node01', '/root'), (e: unknown) => e instanceof SandboxError && e.code === 'FileNotFound');
    await assert.rejects(driver.writeFile(run.id, 'node01', '../etc/x', ''), SandboxError);
    // Odd paths get a plain answer about the node's own files, never the engine's host paths.
    const long = `/root/${'a'.repeat(300)}`;
    for (const [what, attempt] of [
      ['read a 300-character name', () => driver.readFile(run.id, 'node01', long)],
      ['save a 300-character name', () => driver.writeFile(run.id, 'node01', long, 'x')],
      ['save under a file', () => driver.writeFile(run.id, 'node01', '/etc/hosts/x', 'x')],
      ['save a name with a newline', () => driver.writeFile(run.id, 'node01', '/root/a\nb', 'x')],
      ['list a 300-character folder', () => driver.listFiles(run.id, 'node01', `${long}/`)],
    ] as const) {
      await assert.rejects(attempt(), (e: unknown) => {
        assert.ok(e instanceof SandboxError, `${what}: ${String(e)}`);
        assert.equal(e.code, 'BadPath', `${what}: ${e.message}`);
        assert.doesNotMatch(e.message, /\/var\/lib|overlay2|merged/, what);
        return true;
      });
    }
    await driver.writeFile(run.id, 'node01', '/root/a?#%b', 'odd but legal');
    assert.equal((await driver.readFile(run.id, 'node01', '/root/a?#%b')).toString(), 'odd but legal');
    await ok(run, 'node01', `
      sed -i '1i 10.0.0.5 db' /etc/hosts && grep -q db /etc/hosts
      sed -i 's/^nameserver.*/nameserver 10.53.0.53/' /etc/resolv.conf && grep -q 10.53.0.53 /etc/resolv.conf
      echo 'hosts: files dns' > /etc/nsswitch.conf`);
  });

  it('opens a terminal that echoes, resizes and ends', async () => {
    const run = await startRun(['node01']);
    const tty = await driver.openTty(run.id, 'node01', { cols: 80, rows: 24 });
    let screen = '';
    tty.stream.on('data', (d: Buffer) => (screen += d.toString()));
    await tty.resize(132, 40);
    tty.stream.write('stty size; echo marker-$((6*7))\n');
    const deadline = Date.now() + 10_000;
    while (!/marker-42/.test(screen) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    assert.match(screen, /40 132/);
    assert.match(screen, /marker-42/);
    tty.stream.write('exit 5\n');
    assert.equal(await tty.exited, 5);
  });

  it('explains what went wrong with a missing node or a bad topology', async () => {
    const run = await startRun(['node01']);
    await assert.rejects(driver.exec(run.id, 'nope', ['true']), (e: unknown) => e instanceof SandboxError && e.code === 'NodeNotFound');
    await assert.rejects(driver.createRun({ nodes: [], ttlSeconds: 60 }), /1 to 3 nodes/);
    await assert.rejects(driver.createRun({ nodes: ['a', 'b', 'c', 'd'].map((name) => ({ name })), ttlSeconds: 60 }), /1 to 3 nodes/);
    await assert.rejects(driver.createRun({ nodes: [{ name: 'a' }, { name: 'a' }], ttlSeconds: 60 }), /appears twice/);
    await assert.rejects(driver.createRun({ nodes: [{ name: 'Bad_Name' }], ttlSeconds: 60 }), /bad node name/);
  });
});

describe('kernel features', () => {
  it('reports what this kernel offers labs', async () => {
    const report = await probeKernelFeatures(driver, true);
    for (const feature of ['veth', 'bridge', 'netns', 'vxlan', 'macvlan', 'iptables_nft', 'sysctl_net']) {
      assert.equal(report.features[feature], true, `${feature} should work in a node`);
    }
    assert.equal(typeof report.features.ip_vs, 'boolean');
  });
});
