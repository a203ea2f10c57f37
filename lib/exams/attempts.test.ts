// Exam attempts through lib/exams/attempts.ts's public API, on a throw-away SQLite database with
// the in-memory FakeDriver: sandboxes per question on first open, the attempt's rules instead of
// the lab's, reset of one question, the server's deadline, results, and re-drawn params on a
// retake. The same on the real engine and in Chromium: tests/web/exam.test.ts.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { FakeDriver } from '../../sandbox/fake';
import type { KernelReport } from '../../sandbox/kernel-features';
import type { User } from '../auth';
import { makeUser as makeTestUser, rejects, scratchDatabase } from '../test-support';
import { AppError } from '../errors';
import { loadLab } from '../labs/loader';
import type { Lab } from '../labs/schema';
import type { Exam } from './schema';

const scratch = await scratchDatabase('exams');
const { db } = await import('../db');
const makeUser = (role?: User['role'], name?: string) => makeTestUser(db, role, name);
const { Runs } = await import('../runs');
const { Exams } = await import('./attempts');

after(async () => {
  await db.$disconnect();
  await scratch.remove();
});

const everything: KernelReport = { kernel: 'test', image: 'test', features: Object.fromEntries(['netns', 'veth', 'bridge', 'sysctl_net'].map((f) => [f, true])) };
const netnsVeth = (await loadLab('labs/netns-veth')).lab!;
const bridge = (await loadLab('labs/linux-bridge')).lab!;
const labs = new Map<string, Lab>([netnsVeth, bridge].map((l) => [l.id, l]));
const exam: Exam = {
  id: 'demo',
  title: 'Demo exam',
  summary: 's',
  description: 'd',
  durationMinutes: 30,
  passPercent: 50,
  questions: [
    { id: 'pair', lab: 'netns-veth', tasks: ['namespaces', 'veth'], title: 'A veth pair', weight: 2, domain: 'Containers' },
    { id: 'bridge', lab: 'linux-bridge', title: 'A bridge', weight: 3, domain: 'Linux' },
    { id: 'whole', lab: 'netns-veth', title: 'All of it', weight: 1, domain: 'Containers' },
  ],
};


function service(limits = { runsPerUser: 1, capacity: 50 }) {
  const driver = new FakeDriver();
  const findLab = async (id: string) => labs.get(id)!;
  const findExam = async (id: string) => {
    if (id !== exam.id) throw new AppError('NotFound', 'no exam');
    return exam;
  };
  const closed: string[] = [];
  const runs = new Runs({ db, driver, limits, findLab, findExam, kernel: async () => everything });
  const exams = new Exams({ db, runs, findExam, onClose: (id) => closed.push(id) });
  return { driver, runs, exams, closed };
}


describe('an exam attempt', () => {
  it('starts a question\'s sandbox when it is first opened, under the exam\'s rules, not the lab\'s', async () => {
    const { runs, exams, driver } = service();
    const user = await makeUser();
    const attempt = await exams.start(user, 'demo', 'timed');
    assert.equal(driver.runs.size, 0, 'no sandbox before a question is opened');
    assert.ok(attempt.deadline && Math.abs(attempt.deadline.getTime() - Date.now() - 30 * 60_000) < 5000);
    // Two questions from the same lab, and a student allowed one run: the lab limits do not apply.
    const pair = await exams.open(user, attempt.id, 'pair');
    const whole = await exams.open(user, attempt.id, 'whole');
    assert.ok(pair.runId && whole.runId && pair.runId !== whole.runId);
    await Promise.all([runs.creations.get(pair.runId!), runs.creations.get(whole.runId!)]);
    const run = await runs.get(user, pair.runId!);
    assert.equal(run.status, 'ready');
    assert.equal(run.expiresAt.getTime(), attempt.deadline!.getTime(), 'the sandbox lives until the exam ends');
    // The question grades only its chosen tasks.
    assert.deepEqual((await runs.labOf(run)).tasks.map((t) => t.id), ['namespaces', 'veth']);
    // Opening again keeps the same sandbox.
    assert.equal((await exams.open(user, attempt.id, 'pair')).runId, pair.runId);
    // No hints, no Check, no lab Reset or End in a timed exam.
    await rejects(runs.check(user, pair.runId!), 'Forbidden', /graded when the exam ends/);
    await rejects(runs.openHint(user, pair.runId!, 'veth', 0), 'Forbidden', /Hints are off/);
    await rejects(runs.end(user, pair.runId!), 'BadRequest');
    // A lab run of the student's own still obeys the lab limits (one run here).
    await runs.start(user, 'netns-veth');
    await rejects(runs.start(user, 'linux-bridge'), 'TooManyRuns');
    // The idle reaper leaves exam questions alone.
    await db.run.updateMany({ where: { attemptId: attempt.id }, data: { activeAt: new Date(Date.now() - 24 * 60 * 60_000) } });
    assert.deepEqual((await runs.reap()).idle.filter((id) => id === pair.runId || id === whole.runId), []);
  });

  it('resets one question\'s sandbox and leaves the others alone', async () => {
    const { runs, exams, driver, closed } = service();
    const user = await makeUser();
    const attempt = await exams.start(user, 'demo', 'timed');
    const pair = await exams.open(user, attempt.id, 'pair');
    const other = await exams.open(user, attempt.id, 'bridge');
    await Promise.all([runs.creations.get(pair.runId!), runs.creations.get(other.runId!)]);
    const fresh = await exams.reset(user, attempt.id, 'pair');
    assert.notEqual(fresh.runId, pair.runId);
    assert.ok(!driver.runs.has(pair.runId!), 'the old sandbox is gone');
    assert.ok(closed.includes(pair.runId!), 'its terminals were closed');
    assert.ok(driver.runs.has(other.runId!), 'the other question keeps its sandbox');
    assert.equal((await exams.get(user, attempt.id)).questions.find((q) => q.id === 'bridge')!.runId, other.runId);
  });

  it('is graded by the server at its deadline, with no client, and takes no work after it', async () => {
    const { runs, exams, driver } = service();
    const user = await makeUser();
    const attempt = await exams.start(user, 'demo', 'timed');
    const pair = await exams.open(user, attempt.id, 'pair');
    const other = await exams.open(user, attempt.id, 'bridge');
    await Promise.all([runs.creations.get(pair.runId!), runs.creations.get(other.runId!)]);
    await exams.mark(user, attempt.id, 'bridge', { flagged: true });
    // Every check of the bridge lab fails; the pair's pass.
    const bridgeScripts = bridge.tasks.map((t) => t.check.script);
    driver.respond = ({ trusted, command }) => (trusted && bridgeScripts.some((s) => command.includes(s)) ? { exitCode: 1, stdout: 'no bridge br0 on the node' } : {});

    await db.examAttempt.update({ where: { id: attempt.id }, data: { deadline: new Date(Date.now() - 1000) } });
    assert.deepEqual(await exams.sweep(), [attempt.id]);
    assert.deepEqual(await exams.sweep(), [], 'graded once');
    const graded = await exams.get(user, attempt.id);
    assert.equal(graded.status, 'graded');
    assert.equal(graded.score, 2, 'the pair question is worth its weight, the failed bridge nothing, the unopened one nothing');
    assert.equal(graded.maxScore, 6);
    assert.equal(graded.passed, false);
    assert.ok(!driver.runs.has(pair.runId!) && !driver.runs.has(other.runId!), 'the sandboxes are gone');
    await rejects(exams.open(user, attempt.id, 'whole'), 'RunEnded');
    await rejects(runs.readFile(user, pair.runId!, 'node01', '/etc/hosts'), 'RunEnded');

    const results = await exams.results(user, attempt.id);
    const bridgeResult = results.questions.find((q) => q.id === 'bridge')!;
    assert.equal(bridgeResult.flagged, true);
    assert.ok(bridgeResult.tasks.every((t) => t.status === 'failed'), JSON.stringify(bridgeResult.tasks));
    assert.equal(bridgeResult.tasks[0]!.message, 'no bridge br0 on the node', 'the check\'s own message is kept');
    assert.ok(bridgeResult.tasks.every((t) => t.solution.length > 0), 'each task shows its solution');
    assert.deepEqual(results.questions.find((q) => q.id === 'whole')!.tasks, [], 'never opened');
    assert.deepEqual(results.domains, [{ domain: 'Containers', score: 2, maxScore: 3 }, { domain: 'Linux', score: 0, maxScore: 3 }]);
    assert.deepEqual(results.events.map((e) => e.kind), ['started', 'opened', 'opened', 'flagged', 'deadline']);
  });

  it('is only its student\'s to see and change; results wait for the grading', async () => {
    const { exams } = service();
    const [user, other] = [await makeUser(), await makeUser()];
    const attempt = await exams.start(user, 'demo', 'practice');
    assert.equal(attempt.deadline, null);
    await rejects(exams.get(other, attempt.id), 'NotFound');
    await rejects(exams.open(other, attempt.id, 'pair'), 'NotFound');
    await rejects(exams.results(user, attempt.id), 'RunNotReady');
    await rejects(exams.start(user, 'demo', 'timed'), 'ActiveRunExists');
    await rejects(exams.open(user, attempt.id, 'nope'), 'NotFound');
    await rejects(exams.saveNotes(user, attempt.id, 'x'.repeat(30_000)), 'BadRequest');
    await exams.saveNotes(user, attempt.id, 'check q2 again');
    assert.equal((await exams.get(user, attempt.id)).notes, 'check q2 again');
  });

  it('allows Check and hints in practice mode', async () => {
    const { runs, exams } = service();
    const user = await makeUser();
    const attempt = await exams.start(user, 'demo', 'practice');
    const pair = await exams.open(user, attempt.id, 'pair');
    await runs.creations.get(pair.runId!);
    const grade = await exams.check(user, attempt.id, 'pair');
    assert.deepEqual(grade.tasks.map((t) => t.taskId), ['namespaces', 'veth']);
    await rejects(exams.check(user, attempt.id, 'bridge'), 'RunNotReady', /Start this question first/);
    await exams.submit(user, attempt.id);
    assert.equal((await exams.get(user, attempt.id)).status, 'graded');
    assert.deepEqual((await exams.results(user, attempt.id)).events.map((e) => e.kind), ['started', 'opened', 'checked', 'submitted']);
  });

  it('draws new names and addresses for a retake', async () => {
    const { runs, exams } = service();
    const user = await makeUser();
    const first = await exams.start(user, 'demo', 'timed');
    const one = await runs.get(user, (await exams.open(user, first.id, 'pair')).runId!);
    await exams.submit(user, first.id);
    const retake = await exams.start(user, 'demo', 'timed');
    const two = await runs.get(user, (await exams.open(user, retake.id, 'pair')).runId!);
    assert.notDeepEqual(one.params, two.params);
    assert.ok(Object.keys(one.params).some((k) => one.params[k] !== two.params[k]));
  });

  it('refuses a question when the server is full, saying so', async () => {
    // Earlier tests' runs are live in the same database: room for exactly one more.
    const live = await db.run.count({ where: { status: { in: ['creating', 'ready'] } } });
    const { exams, runs } = service({ runsPerUser: 5, capacity: live + 1 });
    const user = await makeUser();
    const attempt = await exams.start(user, 'demo', 'timed');
    const first = await exams.open(user, attempt.id, 'pair');
    await runs.creations.get(first.runId!);
    await rejects(exams.open(user, attempt.id, 'bridge'), 'OutOfCapacity', /exam clock keeps running/);
  });
});
