import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatLabError, loadAllLabs, loadLab } from './loader';

const fixtures = join(import.meta.dirname, 'fixtures');
const broken = join(fixtures, 'broken');

describe('loadLab on a valid lab', async () => {
  const result = await loadLab(join(fixtures, 'valid', 'two-node-routing'));

  it('loads without errors', () => {
    assert.deepEqual(result.errors.map((e) => formatLabError(e, fixtures)), []);
  });

  it('reads referenced files into their inline twins and keeps the path as the origin', () => {
    const lab = result.lab!;
    assert.match(lab.description, /^Two nodes, a namespace `\{\{ns\}\}`/);
    assert.equal(lab.tasks[1]!.textFile, 'text/route.md');
    assert.match(lab.tasks[1]!.text, /^On node02, route/);
    assert.equal(lab.tasks[1]!.check.file, 'checks/route.sh');
    assert.match(lab.tasks[1]!.check.script, /^in_node ip -j route show \{\{pods\}\}/);
    assert.match(lab.checkHelpers!.script, /^# True when namespace/);
  });

  it('puts every step without a node on the first node', () => {
    const lab = result.lab!;
    assert.deepEqual(lab.setup.map((s) => s.node), ['node01', 'node02']);
    assert.deepEqual(lab.tasks.map((t) => [t.check.node, t.solution.node]), [['node01', 'node01'], ['node02', 'node02']]);
    assert.equal(lab.attempts[0]!.run[0]!.node, 'node01');
  });

  it('fills in the defaults', () => {
    const lab = result.lab!;
    assert.equal(lab.sandbox.idleTimeoutMinutes, 15);
    assert.deepEqual(lab.tasks[0]!.check, { script: lab.tasks[0]!.check.script, node: 'node01', timeoutSeconds: 20, retries: 0, retryDelaySeconds: 2 });
    assert.deepEqual(lab.tasks[0]!.hints[0], { text: '`ip -n {{ns}} addr add ...`', unlockAfterSeconds: 0, cost: 0 });
    assert.equal(lab.tasks[1]!.points, 1);
    assert.equal(lab.setup[0]!.timeoutSeconds, 60);
  });
});

describe('loadAllLabs on broken labs', async () => {
  const results = new Map((await loadAllLabs(broken)).map((r) => [r.dir.slice(broken.length + 1), r]));
  const expected: Record<string, string[]> = {
    'bad-yaml': ['bad-yaml/lab.yaml:4:10: Nested mappings are not allowed in compact mappings'],
    'unknown-key': ['unknown-key/lab.yaml:19:7: unknown key "timeout"; did you mean "timeoutSeconds"?'],
    'wrong-type': ['wrong-type/lab.yaml:8:10: Invalid input: expected number, received string'],
    'missing-key': ['missing-key/lab.yaml:14:5: missing key "title"'],
    'script-and-file': ['script-and-file/lab.yaml:19:13: give "script" or "file", not both'],
    'duplicate-task-ids': ['duplicate-task-ids/lab.yaml:30:9: duplicate task id "first"'],
    'needs-cycle': ['needs-cycle/lab.yaml:26:13: needs cycle: a -> c -> b -> a'],
    'needs-unknown-task': ['needs-unknown-task/lab.yaml:25:20: unknown task "frist" in needs'],
    'missing-file': ['missing-file/lab.yaml:18:13: file "checks/first.sh" not found'],
    'unknown-param': [
      'unknown-param/checks/first.sh:2:10: unknown param "rde"; params are red',
      'unknown-param/lab.yaml:21:38: unknown param "net"; params are red',
    ],
    'unknown-node': ['unknown-node/lab.yaml:18:13: unknown node "node02"; nodes are node01'],
    'id-mismatch': ['id-mismatch/lab.yaml:2:5: id "netns-veth" must equal the lab\'s folder name "id-mismatch"'],
    'unknown-requirement': [
      'unknown-requirement/lab.yaml:13:20: unknown requirement "ipvs"; known: veth, bridge, netns, vxlan, macvlan, ipvlan, dummy, vlan, ip_vs, netem, tbf, htb, br_netfilter, iptables_nft, iptables_legacy, nftables, ipv6, sysctl_net, kubernetes',
    ],
    'four-nodes': ['four-nodes/lab.yaml:11:3: a lab has 1 to 3 nodes'],
  };

  it('has a case for every broken fixture', () => {
    assert.deepEqual([...results.keys()].sort(), Object.keys(expected).sort());
  });

  for (const [name, errors] of Object.entries(expected)) {
    it(`reports ${name} where it is`, () => {
      const result = results.get(name)!;
      assert.equal(result.lab, undefined);
      assert.deepEqual(result.errors.map((e) => formatLabError(e, broken)), errors);
    });
  }
});

describe('loadLab on a folder without lab.yaml', () => {
  it('says so, at the file it looked for', async () => {
    const result = await loadLab(fixtures);
    assert.deepEqual(result.errors.map((e) => formatLabError(e, fixtures)), ['lab.yaml:1:1: no lab.yaml in this lab folder']);
  });
});

describe("the repository's labs", () => {
  it('all load without errors', async () => {
    const results = await loadAllLabs(join(import.meta.dirname, '..', '..', 'labs'));
    assert.ok(results.length > 0);
    assert.deepEqual(results.flatMap((r) => r.errors.map((e) => formatLabError(e))), []);
  });
});
