import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KernelReport } from '../sandbox/kernel-features';
import { offeredTasks, refusal } from './lab-runs';
import type { Lab } from './labs/schema';

const kernel = (missing: string[]): KernelReport => ({
  kernel: '6.1-test',
  image: 'x',
  features: Object.fromEntries(['veth', 'netns', 'ip_vs', 'ipvlan'].map((f) => [f, !missing.includes(f)])),
});

const lab = (requires: string[], taskRequires: string[][] = [[]]) =>
  ({
    id: 'demo',
    description: '# Demo\n',
    sandbox: { requires },
    tasks: taskRequires.map((r, i) => ({ id: `t${i}`, title: `Task ${i}`, requires: r, needs: i ? ['t0'] : [] })),
  }) as unknown as Lab;

describe('refusal', () => {
  it('refuses a lab that needs a Kubernetes cluster, saying so', () => {
    assert.match(refusal(lab(['kubernetes']), kernel([]))!, /needs a Kubernetes cluster/);
  });

  it('names the kernel features this machine lacks', () => {
    assert.equal(refusal(lab(['ip_vs', 'veth']), kernel(['ip_vs'])), 'lab "demo" needs kernel features this machine lacks: ip_vs (kernel 6.1-test); run it on a host whose kernel has them');
    assert.equal(refusal(lab(['ip_vs', 'veth']), kernel([])), undefined);
  });

  it('keeps a lab whose only missing feature belongs to one task, without that task', () => {
    const offered = offeredTasks(lab(['veth'], [['ipvlan'], []]), kernel(['ipvlan']));
    assert.equal(refusal(offered, kernel(['ipvlan'])), undefined);
    assert.deepEqual(offered.tasks.map((t) => [t.id, t.needs]), [['t1', []]]);
  });

  it('tells the student which tasks are left out and what the machine lacks', () => {
    const offered = offeredTasks(lab(['veth'], [['ipvlan'], [], ['ip_vs', 'ipvlan']]), kernel(['ipvlan', 'ip_vs']));
    assert.equal(
      offered.description,
      '# Demo\n\n> **Not offered on this server:** the task "Task 0" needs the kernel feature ipvlan, which this ' +
        'machine\'s kernel (6.1-test) lacks; the task "Task 2" needs the kernel features ip_vs, ipvlan, which this ' +
        'machine\'s kernel (6.1-test) lacks. They are left out; the other tasks are graded as usual.\n',
    );
    const whole = lab(['veth'], [['ipvlan'], []]);
    assert.equal(offeredTasks(whole, kernel([])), whole);
  });
});
