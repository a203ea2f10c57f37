// The macvlan-ipvlan lab on a kernel without ipvlan (like the development machines'): the lab is
// not refused, its ipvlan task is left out with a note saying why, and that task's check is
// still a valid part of the lab, ready for a kernel that has ipvlan. No engine needed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { offeredTasks, refusal } from '../../lib/lab-runs';
import { loadLab } from '../../lib/labs/loader';
import { drawParams, renderLab } from '../../lib/labs/params';
import { checkProgram, type Lab } from '../../lib/labs/schema';
import { KERNEL_FEATURES, type KernelReport } from '../../sandbox/kernel-features';

const kernelWithout = (...missing: string[]): KernelReport => ({
  kernel: '6.18-test',
  image: 'test',
  features: Object.fromEntries(KERNEL_FEATURES.map((f) => [f, !missing.includes(f)])),
});

const loaded = await loadLab('labs/macvlan-ipvlan');
const lab = loaded.lab as Lab;

describe('macvlan-ipvlan on a kernel without ipvlan', () => {
  it('loads without lint errors, the ipvlan task included', () => {
    assert.deepEqual(loaded.errors, []);
    assert.deepEqual(lab.tasks.find((t) => t.id === 'ipvlan')?.requires, ['ipvlan']);
    assert.equal(lab.sandbox.requires.includes('ipvlan'), false, 'the whole lab must not need ipvlan');
  });

  it('is offered without the ipvlan task, and the description says why', () => {
    const kernel = kernelWithout('ipvlan');
    assert.equal(refusal(lab, kernel), undefined);
    const offered = renderLab(offeredTasks(lab, kernel), drawParams(lab, { useDefaults: true }));
    assert.deepEqual(offered.tasks.map((t) => t.id), ['macvlan', 'macvlan-reach']);
    assert.match(offered.description, /Not offered on this server:\*\* the task "An ipvlan child of eth0 in iv1" needs the kernel feature ipvlan, which this machine's kernel \(6\.18-test\) lacks/);
  });

  it('offers every task where the kernel has ipvlan', () => {
    const offered = offeredTasks(lab, kernelWithout());
    assert.deepEqual(offered.tasks.map((t) => t.id), ['macvlan', 'macvlan-reach', 'ipvlan']);
    assert.doesNotMatch(offered.description, /Not offered/);
  });

  it('keeps a check for the ipvlan task that bash parses, with default and drawn params', () => {
    const graderLib = readFileSync('sandbox/grader/lib.sh', 'utf8');
    for (const params of [drawParams(lab, { useDefaults: true }), drawParams(lab, { seed: 7 })]) {
      const rendered = renderLab(lab, params);
      const task = rendered.tasks.find((t) => t.id === 'ipvlan')!;
      const program = `${graderLib}\n${checkProgram(rendered, task)}`;
      assert.doesNotMatch(program, /\{\{/, 'every placeholder is filled');
      const parsed = spawnSync('bash', ['-n'], { input: program, encoding: 'utf8' });
      assert.equal(parsed.status, 0, parsed.stderr);
    }
  });

  it('lists ipvlan near-misses and alternatives for kernels that have it', () => {
    assert.ok(lab.attempts.some((a) => a.expect.ipvlan === 'fail'));
    assert.ok(lab.attempts.some((a) => lab.tasks.every((t) => a.expect[t.id] === 'pass')));
  });
});
