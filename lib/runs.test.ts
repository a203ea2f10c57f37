// The run lifecycle, limits, grading records, hints and the reaper, through lib/runs.ts's public
// API on a real (throw-away SQLite) database; the sandbox is the in-memory FakeDriver. The same
// paths on the real engine and a real browser are in tests/web/.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { FakeDriver } from '../sandbox/fake';
import type { KernelReport } from '../sandbox/kernel-features';
import type { User } from './auth';
import { makeUser as makeTestUser, rejects, scratchDatabase } from './test-support';
import { AppError, httpStatus } from './errors';
import { loadLab } from './labs/loader';
import type { Lab } from './labs/schema';

const scratch = await scratchDatabase('runs');
const { db } = await import('./db');
const makeUser = (role?: User['role'], name?: string) => makeTestUser(db, role, name);
const { Runs } = await import('./runs');
const { gradeQuiz, submitQuiz, quizProgress } = await import('./quizzes');

const everything: KernelReport = { kernel: 'test', image: 'test', features: Object.fromEntries(['netns', 'veth', 'bridge', 'vxlan', 'macvlan', 'ipvlan', 'dummy', 'vlan', 'ip_vs', 'netem', 'nftables', 'iptables_legacy'].map((f) => [f, true])) };

const loaded = await loadLab('labs/netns-veth');
const netnsVeth: Lab = loaded.lab!;
/** The same lab under another id, for the per-user limit. */
const otherLab: Lab = { ...netnsVeth, id: 'other-lab' };
/** And with a setup step, to see setup run and fail. */
const withSetup: Lab = { ...netnsVeth, id: 'with-setup', setup: [{ node: 'node01', script: 'ip link add dummy0 type dummy', timeoutSeconds: 30 }] };
const labs = new Map([netnsVeth, otherLab, withSetup].map((l) => [l.id, l]));
const findLab = async (id: string) => {
  const lab = labs.get(id);
  if (!lab) throw new AppError('NotFound', `There is no lab "${id}".`);
  return lab;
};


function service(driver = new FakeDriver(), limits = { runsPerUser: 2, capacity: 50 }) {
  return { driver, runs: new Runs({ db, driver, limits, findLab, kernel: async () => everything }) };
}

async function ready(runs: InstanceType<typeof Runs>, runId: string) {
  await runs.creations.get(runId);
}


before(async () => {
  await db.run.deleteMany({});
});

after(async () => {
  await db.$disconnect();
  await scratch.remove();
});

describe('a run', () => {
  it('is recorded as creating, runs the setup, then is ready with its nodes', async () => {
    const { driver, runs } = service();
    const user = await makeUser();
    const run = await runs.start(user, 'with-setup');
    assert.equal(run.status, 'creating');
    assert.ok(run.params.red && run.params.net, 'params are drawn and stored');
    await ready(runs, run.id);
    const now = await runs.get(user, run.id);
    assert.equal(now.status, 'ready');
    assert.deepEqual(now.nodes.map((n) => n.name), ['node01']);
    assert.ok(driver.runs.has(run.id), 'the sandbox has the database id');
    const setup = driver.calls.filter((c) => c.runId === run.id && !c.trusted);
    assert.deepEqual(setup.map((c) => c.command), ['bash -c ip link add dummy0 type dummy'], 'the setup ran on the node');
  });

  it('is visible to its student and to the instructors of their classes, and to no other student', async () => {
    const { runs } = service();
    const [owner, other, instructor] = [await makeUser(), await makeUser(), await makeUser('instructor')];
    const run = await runs.start(owner, 'netns-veth');
    await ready(runs, run.id);
    await rejects(runs.get(other, run.id), 'NotFound');
    await rejects(runs.node(other, run.id, 'node01'), 'NotFound');
    await rejects(runs.check(other, run.id), 'NotFound');
    // An instructor sees the run once the student is in a class of theirs (lib/classes.test.ts has more).
    await rejects(runs.get(instructor, run.id), 'NotFound');
    const klass = await db.class.create({ data: { name: 'c', ownerId: instructor.id, joinCode: randomUUID() }, select: { id: true } });
    await db.classMember.create({ data: { classId: klass.id, userId: owner.id } });
    assert.equal((await runs.get(instructor, run.id)).id, run.id);
    await rejects(runs.node(owner, run.id, 'node09'), 'NotFound', /no node "node09"/);
    await rejects(runs.reset(instructor, run.id), 'Forbidden');
    assert.equal((await runs.get(owner, run.id)).status, 'ready', 'a refused reset leaves the run alone');
    const fresh = await runs.reset(owner, run.id);
    assert.notEqual(fresh.id, run.id);
    assert.equal((await runs.get(owner, run.id)).status, 'ended');
    await ready(runs, fresh.id);
  });

  it('fails with the setup\'s output when the setup fails, and leaves no sandbox', async () => {
    const driver = new FakeDriver(({ trusted }) => (trusted ? {} : { exitCode: 2, stderr: 'ip: command exploded' }));
    const { runs } = service(driver);
    const user = await makeUser();
    const run = await runs.start(user, 'with-setup');
    await ready(runs, run.id);
    const failed = await runs.get(user, run.id);
    assert.equal(failed.status, 'failed');
    assert.match(failed.error ?? '', /setup step 1 .* exited 2:\s+ip: command exploded/s);
    assert.equal(driver.runs.size, 0);
    await rejects(runs.check(user, run.id), 'RunEnded');
  });
});

describe('limits', () => {
  it('allow one live run per user per lab, naming the run to go back to', async () => {
    const { runs } = service();
    const user = await makeUser();
    const first = await runs.start(user, 'netns-veth');
    await rejects(runs.start(user, 'netns-veth'), 'ActiveRunExists', /already have "Connect two network namespaces/);
    await runs.start(user, 'netns-veth').catch((err: AppError) => assert.equal(err.details.runId, first.id));
    await ready(runs, first.id);
    await runs.end(user, first.id);
    const again = await runs.start(user, 'netns-veth');
    assert.notEqual(again.id, first.id, 'after End the lab starts afresh');
  });

  it('cap the live runs of one user', async () => {
    const { runs } = service(new FakeDriver(), { runsPerUser: 1, capacity: 50 });
    const user = await makeUser();
    await runs.start(user, 'netns-veth');
    await rejects(runs.start(user, 'other-lab'), 'TooManyRuns', /End one of them first/);
  });

  it('answer 503 "all sandboxes are busy" past the server\'s capacity, even for simultaneous starts', async () => {
    await db.run.updateMany({ where: { status: { in: ['creating', 'ready'] } }, data: { status: 'ended' } });
    const { runs } = service(new FakeDriver(), { runsPerUser: 5, capacity: 2 });
    const users = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
    const outcomes = await Promise.allSettled(users.map((u) => runs.start(u, 'netns-veth')));
    assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 2);
    const refused = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as AppError] : []));
    assert.equal(refused.length, 2);
    for (const err of refused) {
      assert.equal(err.code, 'OutOfCapacity');
      assert.equal(httpStatus(err), 503);
      assert.equal(err.message, 'All sandboxes are busy, try again in a minute.');
    }
    await Promise.all([...runs.creations.values()]);
    await db.run.updateMany({ where: { status: { in: ['creating', 'ready'] } }, data: { status: 'ended' } });
  });
});

describe('grading records', () => {
  it('keep each Check per task, with messages, and take opened hints\' costs off', async () => {
    const driver = new FakeDriver();
    const { runs } = service(driver);
    const user = await makeUser();
    const run = await runs.start(user, 'netns-veth');
    await ready(runs, run.id);
    const tasks = (await runs.labOf(run)).tasks;
    // veth's check fails with a message; every other check passes.
    const vethScript = tasks.find((t) => t.id === 'veth')!.check.script;
    driver.respond = ({ trusted, command }) => (trusted && command.includes(vethScript) ? { exitCode: 1, stdout: 'no veth pair joins red and blue' } : {});

    const first = await runs.check(user, run.id);
    assert.equal(first.tasks.length, tasks.length);
    const veth = first.tasks.find((t) => t.taskId === 'veth')!;
    assert.equal(veth.status, 'failed');
    assert.equal(veth.message, 'no veth pair joins red and blue');
    assert.equal(first.tasks.find((t) => t.taskId === 'namespaces')!.status, 'passed');

    // veth's third hint costs a point and opens 180 s in: pretend the run started long ago.
    await rejects(runs.openHint(user, run.id, 'veth', 2), 'BadRequest', /opens \d+ s from now/);
    await db.run.update({ where: { id: run.id }, data: { createdAt: new Date(Date.now() - 600_000) } });
    const hint = await runs.openHint(user, run.id, 'veth', 2);
    assert.equal(hint.cost, 1);
    assert.match(hint.text ?? '', /ip link add/);
    await runs.openHint(user, run.id, 'veth', 2); // opening twice costs once

    driver.respond = () => ({});
    const second = await runs.check(user, run.id);
    const vethPoints = netnsVeth.tasks.find((t) => t.id === 'veth')!.points;
    assert.equal(second.tasks.find((t) => t.taskId === 'veth')!.points, vethPoints - 1);
    assert.equal(second.score, second.maxScore - 1);

    const stored = await db.grade.findMany({ where: { runId: run.id }, select: { score: true, tasks: { select: { taskId: true, status: true } } } });
    assert.equal(stored.length, 2, 'both Checks are kept');
    assert.equal((await runs.latestGrade(user, run.id))?.score, second.score);
    const hints = await runs.hints(user, run.id);
    assert.ok(hints.find((h) => h.taskId === 'veth' && h.index === 2)?.text, 'an opened hint shows its text');
    assert.ok(!hints.find((h) => h.taskId === 'veth' && h.index === 1)?.text, 'an unopened one does not');
  });

  it('in flight are not handed to another student who asks for the same run', async () => {
    const driver = new FakeDriver();
    const { runs } = service(driver);
    const [owner, other] = [await makeUser(), await makeUser()];
    const run = await runs.start(owner, 'netns-veth');
    await ready(runs, run.id);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const execTrusted = driver.execTrusted.bind(driver);
    let grading = false;
    driver.execTrusted = async (...args) => {
      grading = true;
      await gate;
      return execTrusted(...args);
    };
    const owners = runs.check(owner, run.id);
    // Let the owner's Check reach the grader, so that the second call finds it in flight.
    while (!grading) await new Promise((resolve) => setTimeout(resolve, 5));
    const others = runs.check(other, run.id);
    release();
    await rejects(others, 'NotFound');
    assert.ok((await owners).tasks.length > 0);
  });

  it('survive the end of the run', async () => {
    const { driver, runs } = service();
    const user = await makeUser();
    const run = await runs.start(user, 'netns-veth');
    await ready(runs, run.id);
    await runs.check(user, run.id);
    const ended = await runs.end(user, run.id);
    assert.equal(ended.status, 'ended');
    assert.ok(!driver.runs.has(run.id), 'the sandbox is gone');
    assert.ok(await runs.latestGrade(user, run.id));
    const history = await runs.history(user);
    assert.equal(history[0]!.id, run.id);
    assert.ok(history[0]!.best);
    await rejects(runs.check(user, run.id), 'RunEnded');
    await rejects(runs.readFile(user, run.id, 'node01', '/etc/hosts'), 'RunEnded');
  });
});

describe('the reaper', () => {
  it('expires runs past their time, keeps live ones, and removes sandboxes nobody owns', async () => {
    const { driver, runs } = service();
    const user = await makeUser();
    const [old, fresh] = [await runs.start(user, 'netns-veth'), await runs.start(user, 'other-lab')];
    await Promise.all([ready(runs, old.id), ready(runs, fresh.id)]);
    await db.run.update({ where: { id: old.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    // A sandbox with no live run behind it, past its engine TTL: what a crash leaves.
    const orphan = await driver.createRun({ nodes: [{ name: 'node01' }], ttlSeconds: -1 });
    // A live run's sandbox whose engine TTL passed must still be kept while the run is live.
    driver.runs.get(fresh.id)!.expiresAt = new Date(Date.now() - 1000);

    const report = await runs.reap();
    assert.deepEqual(report.expired, [old.id]);
    assert.equal((await runs.get(user, old.id)).status, 'expired');
    assert.ok(!driver.runs.has(old.id));
    assert.ok(report.removed.includes(orphan.id));
    assert.ok(driver.runs.has(fresh.id), 'a live run keeps its sandbox');
  });

  it('ends runs idle past their lab\'s idleTimeoutMinutes, and activity keeps them', async () => {
    const { driver, runs } = service();
    const user = await makeUser();
    const [quiet, busy] = [await runs.start(user, 'netns-veth'), await runs.start(user, 'other-lab')];
    await Promise.all([ready(runs, quiet.id), ready(runs, busy.id)]);
    const longAgo = new Date(Date.now() - (netnsVeth.sandbox.idleTimeoutMinutes + 1) * 60_000);
    await db.run.updateMany({ where: { id: { in: [quiet.id, busy.id] } }, data: { activeAt: longAgo } });
    await runs.touch(busy.id); // the student typed something
    const report = await runs.reap();
    assert.deepEqual(report.idle, [quiet.id]);
    const ended = await runs.get(user, quiet.id);
    assert.equal(ended.status, 'expired');
    assert.match(ended.error ?? '', new RegExp(`after ${netnsVeth.sandbox.idleTimeoutMinutes} minutes without activity`));
    assert.ok(!driver.runs.has(quiet.id));
    assert.equal((await runs.get(user, busy.id)).status, 'ready');
  });

  it('marks runs a previous process left half-created as failed', async () => {
    const { runs } = service();
    const user = await makeUser();
    const row = await db.run.create({ data: { userId: user.id, labId: 'netns-veth', status: 'creating', expiresAt: new Date(Date.now() + 60_000) }, select: { id: true } });
    assert.ok((await runs.recover()) >= 1);
    const run = await runs.get(user, row.id);
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /server restarted/);
  });
});

describe('quizzes', () => {
  const quiz = {
    questions: [
      { id: 'one', kind: 'single' as const, prompt: 'p', options: ['a', 'b'], answer: [1], explanation: 'because b' },
      { id: 'many', kind: 'multiple' as const, prompt: 'p', options: ['a', 'b', 'c'], answer: [0, 2], explanation: 'a and c' },
      { id: 'cidr', kind: 'text' as const, prompt: 'p', accept: ['10.96.0.0/12'], explanation: 'kubeadm default' },
      { id: 'cmd', kind: 'text' as const, prompt: 'p', accept: ['ip netns add red'], explanation: 'iproute2' },
    ],
  };

  it('grade choices exactly and typed answers without case, quotes or extra spaces', () => {
    const result = gradeQuiz(quiz, { one: [1], many: [2, 0], cidr: ' 10.96.0.0/12 ', cmd: '`IP  netns add red`' });
    assert.equal(result.score, 4);
    const partial = gradeQuiz(quiz, { one: [0], many: [0], cidr: '10.96.0.0/16' });
    assert.equal(partial.score, 0);
    assert.deepEqual(partial.questions.map((q) => q.correct), [false, false, false, false]);
    assert.equal(partial.questions[2]!.answer, '10.96.0.0/12');
    assert.equal(partial.questions[1]!.explanation, 'a and c');
  });

  it('are saved per user; progress is the best attempt; bad input is refused', async () => {
    const user = await makeUser();
    const demo = { slug: 'demo', quiz };
    const wrong = { one: [0], many: [0], cidr: '10.96.0.0/16', cmd: 'ip netns add red' };
    const half = { one: [1], many: [0, 2], cidr: '10.96.0.0/16', cmd: 'ip netns add blue' };
    await submitQuiz(db, user, demo, half);
    assert.deepEqual((await quizProgress(db, user)).get('demo'), { score: 2, maxScore: 4, attempts: 1 });
    // Spaced out: a second attempt at once is refused; one after the gap counts.
    await rejects(submitQuiz(db, user, demo, wrong), 'SlowDown', /submit again in \d+ s/);
    await db.quizAttempt.updateMany({ where: { userId: user.id }, data: { createdAt: new Date(Date.now() - 60_000) } });
    await submitQuiz(db, user, demo, wrong);
    assert.deepEqual((await quizProgress(db, user)).get('demo'), { score: 2, maxScore: 4, attempts: 2 }, 'a worse attempt does not lower the best');
    await rejects(submitQuiz(db, user, demo, { ...half, one: 'x'.repeat(600) }), 'BadRequest');
    await rejects(submitQuiz(db, user, demo, 'not an object'), 'BadRequest');
    assert.equal((await quizProgress(db, await makeUser())).size, 0);
  });

  it('give the key and explanations only for an attempt that answers every question', async () => {
    const user = await makeUser();
    const demo = { slug: 'demo-genuine', quiz };
    await rejects(submitQuiz(db, user, demo, {}), 'BadRequest', /questions 1, 2, 3, 4 have no answer yet/);
    await rejects(submitQuiz(db, user, demo, { one: [1], many: [], cidr: ' ', cmd: 'ip netns add red' }), 'BadRequest', /questions 2, 3 have no answer/);
    await rejects(submitQuiz(db, user, demo, { one: [1], many: [0], cidr: 'x', cmd: 'y', extra: 'z' }), 'BadRequest', /do not belong to this quiz/);
    // Long typed answers within each field's limit still cannot make a large stored attempt.
    const longQuiz = { questions: Array.from({ length: 20 }, (_, i) => ({ id: `t${i}`, kind: 'text' as const, prompt: 'p', accept: ['a'], explanation: 'e' })) };
    const long = Object.fromEntries(longQuiz.questions.map((q) => [q.id, 'y'.repeat(290)]));
    await rejects(submitQuiz(db, user, { slug: 'demo-long', quiz: longQuiz }, long), 'BadRequest', /too long/);
    assert.equal(await db.quizAttempt.count({ where: { userId: user.id } }), 0, 'refused attempts are not stored');
  });
});
