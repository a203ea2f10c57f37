// Every lab in labs/ on the real engine: `verify` (setup fails every task, the reference
// solution passes every task, twice, the second time with drawn params; each listed attempt,
// near-miss or other correct method, gives its expected outcome), and the tamper test.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { DockerDriver } from '../../sandbox/docker';
import { probeKernelFeatures } from '../../sandbox/kernel-features';
import { gradeLab, offeredTasks, refusal, startLab } from '../../lib/lab-runs';
import { verifyLab } from '../../lib/lab-verify';
import { loadAllLabs } from '../../lib/labs/loader';
import { drawParams, renderLab } from '../../lib/labs/params';

const driver = new DockerDriver();
const results = await loadAllLabs();
const labs = results.flatMap((r) => (r.lab ? [r.lab] : []));
const kernel = await probeKernelFeatures(driver);

// The lab suite grows with every lab, and CI has 90 minutes: its time is printed on every run.
const suiteStarted = Date.now();
const verifySeconds = new Map<string, number>();
after(() => {
  const slowest = [...verifySeconds].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([id, s]) => `${id} ${s.toFixed(0)} s`);
  console.log(`[netdojo] lab suite: ${labs.length} labs verified in ${((Date.now() - suiteStarted) / 1000).toFixed(0)} s, two at a time; slowest: ${slowest.join(', ')}`);
});

// Tools a student might replace with liars that print success.
const FAKE_TOOL = `#!/bin/sh
echo "64 bytes from 10.0.0.1: icmp_seq=1 ttl=64"; echo "1 packets transmitted, 1 received, 0% packet loss"
echo "10.0.0.80"; echo "<html>ok</html>"; exit 0
`;
const TOOLS = ['/usr/sbin/ip', '/usr/bin/ping', '/usr/bin/dig', '/usr/bin/curl', '/usr/bin/getent', '/usr/sbin/iptables', '/usr/sbin/nft', '/usr/bin/host'];

describe('lab files', () => {
  it('all load without errors', () => {
    assert.deepEqual(results.flatMap((r) => r.errors), []);
    assert.ok(labs.length > 0);
  });

  it('list near-misses and at least one other correct method', () => {
    for (const lab of labs) {
      const taskIds = lab.tasks.map((t) => t.id);
      const alternatives = lab.attempts.filter((a) => taskIds.every((id) => a.expect[id] === 'pass'));
      const nearMisses = lab.attempts.filter((a) => Object.values(a.expect).includes('fail'));
      assert.ok(alternatives.length >= 1, `${lab.id} has no alternative correct method among its attempts`);
      assert.ok(nearMisses.length >= 1, `${lab.id} has no near-miss among its attempts`);
    }
  });
});

describe('labs on the real engine', { concurrency: 2 }, () => {
  for (const lab of labs) {
    it(`${lab.id}: verify (twice) and its attempts`, async () => {
      const started = Date.now();
      const verdict = await verifyLab(driver, lab, { repeat: 2 });
      verifySeconds.set(lab.id, (Date.now() - started) / 1000);
      if (verdict.refused) return; // the kernel lacks what the lab needs: refusing is the right answer
      assert.deepEqual(verdict.deviations, []);
    });

    it(`${lab.id}: an unsolved lab fails every task when the student fakes the tools`, async () => {
      if (refusal(lab, kernel)) return;
      const rendered = renderLab(offeredTasks(lab, kernel), drawParams(lab, { useDefaults: true }));
      const run = await startLab(driver, rendered, { ttlSeconds: 600 });
      try {
        for (const node of rendered.sandbox.nodes) {
          for (const tool of TOOLS) await driver.writeFile(run.id, node.name, tool, FAKE_TOOL, 0o755);
        }
        const grade = await gradeLab(driver, run.id, rendered);
        for (const task of grade.tasks) assert.equal(task.status, 'failed', `${lab.id}/${task.id}: ${task.message}`);
      } finally {
        await driver.destroyRun(run.id);
      }
    });
  }
});
