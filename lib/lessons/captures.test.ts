// Captured output without an engine: the spec schema, the recorded-output loader, normalise()
// and the comparison. tests/lessons/captures.test.ts runs the captures themselves.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  CaptureError,
  CaptureSpec,
  captureBlocks,
  compareOutputs,
  loadCaptureOutput,
  loadCaptureSpec,
  normalise,
  writeCaptureOutput,
  type CaptureOutput,
} from './captures';
import { lineDiff } from './line-diff';

describe('capture spec', () => {
  it('defaults to one node called node1', () => {
    const spec = CaptureSpec.parse({ description: 'd', steps: [{ run: 'ip link' }] });
    assert.deepEqual(spec.nodes, ['node1']);
    assert.equal(spec.steps[0]!.timeoutSeconds, 20);
  });

  it('rejects steps and setup on nodes the capture does not have', () => {
    const bad = CaptureSpec.safeParse({ description: 'd', nodes: ['a'], setup: { b: 'true' }, steps: [{ node: 'c', run: 'true' }] });
    assert.equal(bad.success, false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    assert.deepEqual(paths.sort(), ['setup.b', 'steps.0.node']);
  });

  it('rejects a vary pattern that is not a regular expression', () => {
    assert.equal(CaptureSpec.safeParse({ description: 'd', steps: [{ run: 'x' }], vary: ['(unclosed'] }).success, false);
  });
});

describe('capture blocks', () => {
  it('finds each block with the line it starts on', () => {
    const md = 'intro\n\n```capture\nveth-pair\n```\n\n```sh\nip link\n```\n```capture\nother\n```\n';
    assert.deepEqual(captureBlocks(md), [{ name: 'veth-pair', line: 3 }, { name: 'other', line: 10 }]);
  });
});

describe('recorded output', () => {
  const moduleDir = join(mkdtempSync(join(tmpdir(), 'netdojo-captures-')), '09-test');
  const dir = join(moduleDir, 'captures');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'demo.yaml'), 'description: a demo\nsteps:\n  - run: echo hi\n');
  writeFileSync(join(dir, 'nothing-yet.yaml'), 'description: not captured\nsteps:\n  - run: echo hi\n');
  const capture = { module: '09-test', name: 'demo', dir };

  it('loads an output written for the current spec', async () => {
    const { hash } = await loadCaptureSpec(capture);
    await writeCaptureOutput(capture, {
      capture: 'demo', spec: hash, image: 'netdojo/lab:x', network: '100.64.1.0/24',
      steps: [{ node: 'node1', run: 'echo hi', output: 'hi\n', exitCode: 0 }],
    });
    const out = await loadCaptureOutput(moduleDir, 'demo');
    assert.equal(out.steps[0]!.output, 'hi\n');
  });

  it('says which file is missing and how to make it', async () => {
    await assert.rejects(loadCaptureOutput(moduleDir, 'nope'), (err: CaptureError) => err.code === 'NotFound' && err.message.includes('nope.yaml'));
    await assert.rejects(loadCaptureOutput(moduleDir, 'nothing-yet'), (err: CaptureError) =>
      err.code === 'NotFound' && err.message.includes('npx tsx scripts/captures.ts nothing-yet'));
  });

  it('calls an output stale once its spec changes, but not for a comment', async () => {
    writeFileSync(join(dir, 'demo.yaml'), '# a comment\ndescription: a demo\nsteps:\n  - run: echo hi\n');
    await loadCaptureOutput(moduleDir, 'demo');
    writeFileSync(join(dir, 'demo.yaml'), 'description: a demo\nsteps:\n  - run: echo hello\n');
    await assert.rejects(loadCaptureOutput(moduleDir, 'demo'), (err: CaptureError) => err.code === 'Stale');
  });
});

describe('normalise', () => {
  type Run = Parameters<typeof normalise>[1];
  const same = (a: string, b: string, run: Run = {}, runB: Run = run) => assert.equal(normalise(a, run), normalise(b, runB));

  it('hides MACs, link-local addresses and bridge ids but keeps the well-known ones', () => {
    same('link/ether 02:42:64:6b:3a:0b brd ff:ff:ff:ff:ff:ff', 'link/ether 5e:ac:18:51:7c:e1 brd ff:ff:ff:ff:ff:ff');
    same('bridge_id 8000.16:6b:51:94:a:5d', 'bridge_id 8000.26:ea:72:a4:a0:f7');
    same('v-net-0\t\t8000.327e27b15822\tno', 'v-net-0\t\t8000.36f226b1cb44\tno');
    same('inet6 fe80::94b6:1ff:fe96:310/64', 'inet6 fe80::7413:88ff:fee4:ca62/64');
    assert.match(normalise('link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00'), /00:00:00:00:00:00 brd 00:00:00:00:00:00/);
    assert.match(normalise('inet6 2001:db8:0:1:2:3:4:5/64'), /2001:db8:0:1:2:3:4:5/);
  });

  it('hides the host-made interface indexes of a run, and only those', () => {
    same('4826: eth0@if4827: <UP>', '12: eth0@if13: <UP>', { hostIndexes: [4826, 4827, 12, 13] });
    assert.equal(normalise('4: veth-red@if3: <UP>', { hostIndexes: [4826, 4827] }), '4: veth-red@if3: <UP>');
  });

  it('hides the run network, timings, ids and ephemeral ports', () => {
    same('64 bytes from 100.107.58.12: icmp_seq=1 ttl=64 time=0.137 ms', '64 bytes from 100.64.3.12: icmp_seq=1 ttl=64 time=0.095 ms',
      { network: '100.107.58.0/24' }, { network: '100.64.3.0/24' });
    assert.equal(normalise('from 100.64.3.12', { network: '100.64.3.0/24' }), 'from LABNET.12');
    same('2 packets transmitted, 2 received, 0% packet loss, time 1028ms\nrtt min/avg/max/mdev = 0.095/0.116/0.137/0.021 ms',
      '2 packets transmitted, 2 received, 0% packet loss, time 1013ms\nrtt min/avg/max/mdev = 0.087/0.091/0.095/0.004 ms');
    same('23:06:40.873684 IP 198.51.100.1.59722 > 198.51.100.10.80: Flags [S], seq 616442902, win 64240, options [mss 1460,sackOK,TS val 3945674447 ecr 0,nop,wscale 10], length 0',
      '23:10:41.000001 IP 198.51.100.1.40000 > 198.51.100.10.80: Flags [S], seq 1234567, win 64240, options [mss 1460,sackOK,TS val 1 ecr 0,nop,wscale 10], length 0');
    same('IP 10.53.0.1.10889 > 10.53.0.1.53: 57762% [1au] NS? . (28)', 'IP 10.53.0.1.2001 > 10.53.0.1.53: 1% [1au] NS? . (28)');
    same('tcp      6 119 TIME_WAIT src=10.10.0.2 dst=198.51.100.10 sport=59722 dport=80', 'tcp      6 117 TIME_WAIT src=10.10.0.2 dst=198.51.100.10 sport=44378 dport=80');
    same(';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 53798\n; COOKIE: fb3f84258283f6e0 (good)\n;; Query time: 12 msec\n;; WHEN: Thu Nov 26 23:10:08 UTC 2026',
      ';; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 1\n; COOKIE: 0123 (good)\n;; Query time: 0 msec\n;; WHEN: Fri Nov 27 01:00:00 UTC 2026');
    same('198.51.100.1 - - [26/Nov/2026 23:06:40] "GET / HTTP/1.1" 200 -', '198.51.100.1 - - [27/Nov/2026 01:00:00] "GET / HTTP/1.1" 200 -');
    same('-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport 47156 -j SNAT --to-source :53',
      '-A DOCKER_POSTROUTING -s 127.0.0.11/32 -p udp -m udp --sport 36544 -j SNAT --to-source :53');
  });

  it('keeps what a lesson teaches: TTLs, addresses, well-known ports, statuses', () => {
    const text = 'www.shop.lab.\t\t297\tIN\tA\t10.0.0.80\ntcp dpt:80 to:10.10.0.2:8080\nstatus: NXDOMAIN';
    assert.equal(normalise(text), text);
  });

  it('applies a capture\'s own vary patterns', () => {
    same('[  5] 0.00-2.00 sec 942 KBytes 3.85 Mbits/sec', '[  5] 0.00-2.00 sec 942 KBytes 3.81 Mbits/sec', { vary: ['[\\d.]+ Mbits/sec'] });
  });
});

describe('comparison', () => {
  const output = (text: string, extra: Partial<CaptureOutput> = {}): CaptureOutput => ({
    capture: 'demo', spec: 'h', image: 'netdojo/lab:a', network: '100.64.1.0/24',
    steps: [{ node: 'node1', run: 'ping -c1 x', output: text, exitCode: 0 }], ...extra,
  });

  it('matches runs that differ only in noise', () => {
    assert.equal(compareOutputs(output('time=0.1 ms\n'), output('time=0.2 ms\n')), undefined);
  });

  it('reports a changed line with a diff and the image change', () => {
    const mismatch = compareOutputs(output('a\nttl=64\nb\n'), output('a\nttl=63\nb\n', { image: 'netdojo/lab:b' }));
    assert.ok(mismatch);
    assert.match(mismatch.report, /recorded on netdojo\/lab:a, now netdojo\/lab:b/);
    assert.match(mismatch.report, /^-ttl=64$/m);
    assert.match(mismatch.report, /^\+ttl=63$/m);
  });

  it('reports a changed exit code', () => {
    const now = output('x\n');
    now.steps[0]!.exitCode = 1;
    assert.match(compareOutputs(output('x\n'), now)!.report, /exit code 0 recorded, now 1/);
  });
});

describe('line diff', () => {
  it('shows removed before added lines, with context, and elides the rest', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8'].join('\n');
    const after = ['1', '2', '3', '4', '5', 'six', '7', '8'].join('\n');
    assert.deepEqual(lineDiff(before, after), ['@@', ' 4', ' 5', '-6', '+six', ' 7', ' 8']);
  });
});

describe('column padding', () => {
  it('does not count as a difference when a normalised value is a digit wider', () => {
    const recorded = normalise('eth0@if6081      UP             10.0.0.2/24', { hostIndexes: [6081] });
    const fresh = normalise('eth0@if10234     UP             10.0.0.2/24', { hostIndexes: [10234] });
    assert.equal(fresh, recorded);
    assert.notEqual(normalise('eth0@if6081 DOWN 10.0.0.2/24', { hostIndexes: [6081] }), recorded);
  });
});
