// The clusterip-ipvs lab on a kernel without IPVS (like the development machines'): the whole lab
// is refused with a message naming ip_vs, and its tasks and checks stay a valid lab, ready for a
// kernel that has the module. No engine needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { refusal } from '../../lib/lab-runs';
import { loadLab } from '../../lib/labs/loader';
import { drawParams, renderLab } from '../../lib/labs/params';
import { checkProgram, type Lab } from '../../lib/labs/schema';
import { KERNEL_FEATURES, type KernelReport } from '../../sandbox/kernel-features';

const kernelWithout = (...missing: string[]): KernelReport => ({
  kernel: '6.18-test',
  image: 'test',
  features: Object.fromEntries(KERNEL_FEATURES.map((f) => [f, !missing.includes(f)])),
});

const loaded = await loadLab('labs/clusterip-ipvs');
const lab = loaded.lab as Lab;

describe('clusterip-ipvs on a kernel without IPVS', () => {
  it('loads without lint errors and needs ip_vs for the whole lab', () => {
    assert.deepEqual(loaded.errors, []);
    assert.ok(lab.sandbox.requires.includes('ip_vs'));
  });

  it('is refused with a message naming ip_vs', () => {
    assert.equal(
      refusal(lab, kernelWithout('ip_vs')),
      'lab "clusterip-ipvs" needs kernel features this machine lacks: ip_vs (kernel 6.18-test); run it on a host whose kernel has them',
    );
  });

  it('is not refused where the kernel has IPVS', () => {
    assert.equal(refusal(lab, kernelWithout()), undefined);
  });

  it('keeps checks that bash parses, with default and drawn params', () => {
    const graderLib = readFileSync('sandbox/grader/lib.sh', 'utf8');
    for (const params of [drawParams(lab, { useDefaults: true }), drawParams(lab, { seed: 7 })]) {
      const rendered = renderLab(lab, params);
      for (const task of rendered.tasks) {
        const program = `${graderLib}\n${checkProgram(rendered, task)}`;
        assert.doesNotMatch(program, /\{\{/, `${task.id}: every placeholder is filled`);
        const parsed = spawnSync('bash', ['-n'], { input: program, encoding: 'utf8' });
        assert.equal(parsed.status, 0, `${task.id}: ${parsed.stderr}`);
      }
    }
  });

  it('lists near-misses and another correct method for kernels that have it', () => {
    assert.ok(lab.attempts.some((a) => Object.values(a.expect).includes('fail')));
    assert.ok(lab.attempts.some((a) => lab.tasks.every((t) => a.expect[t.id] === 'pass')));
  });
});
