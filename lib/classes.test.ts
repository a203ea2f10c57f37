// Classes through lib/classes.ts's public API on a throw-away SQLite database with the FakeDriver:
// enrolment links, an instructor's reach limited to their own classes (runs included),
// assignments, Submit, the automatic submission at the due date, the matrix and its CSV.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { FakeDriver } from '../sandbox/fake';
import type { KernelReport } from '../sandbox/kernel-features';
import type { User } from './auth';
import { makeUser as makeTestUser, rejects, scratchDatabase } from './test-support';
import { AppError } from './errors';
import { loadLab } from './labs/loader';

const scratch = await scratchDatabase('classes');
const { db } = await import('./db');
const makeUser = (role?: User['role'], name?: string) => makeTestUser(db, role, name);
const { Runs } = await import('./runs');
const { Classes } = await import('./classes');

after(async () => {
  await db.$disconnect();
  await scratch.remove();
});

const everything: KernelReport = { kernel: 'test', image: 'test', features: Object.fromEntries(['netns', 'veth', 'bridge'].map((f) => [f, true])) };
const netnsVeth = (await loadLab('labs/netns-veth')).lab!;
const findLab = async (id: string) => {
  if (id !== netnsVeth.id) throw new AppError('NotFound', `There is no lab "${id}".`);
  return netnsVeth;
};


function service() {
  const driver = new FakeDriver();
  const runs = new Runs({ db, driver, limits: { runsPerUser: 2, capacity: 50 }, findLab, kernel: async () => everything });
  return { driver, runs, classes: new Classes({ db, runs, findLab }) };
}


const hour = 60 * 60_000;

describe('a class', () => {
  it('is joined by its link; an old or expired link is refused', async () => {
    const { classes } = service();
    const teacher = await makeUser('instructor');
    const student = await makeUser();
    const klass = await classes.create(teacher, 'Networking 101');
    await rejects(classes.create(student, 'mine'), 'Forbidden');
    assert.deepEqual(await classes.join(student, klass.joinCode!), { classId: klass.id, name: 'Networking 101' });
    await classes.join(student, klass.joinCode!); // twice is harmless
    assert.equal((await classes.get(teacher, klass.id)).members.length, 1);
    const renewed = await classes.renewLink(teacher, klass.id, new Date(Date.now() - 1000));
    await rejects(classes.join(await makeUser(), klass.joinCode!), 'NotFound', /not valid/);
    await rejects(classes.join(await makeUser(), renewed.joinCode!), 'Forbidden', /expired/);
  });

  it('is its instructor\'s only: another instructor sees neither it, its students nor their runs', async () => {
    const { classes, runs } = service();
    const [teacherA, teacherB, admin] = [await makeUser('instructor'), await makeUser('instructor'), await makeUser('admin')];
    const student = await makeUser();
    const a = await classes.create(teacherA, 'A');
    await classes.create(teacherB, 'B');
    await classes.join(student, a.joinCode!);
    const run = await runs.start(student, 'netns-veth');
    await runs.creations.get(run.id);
    assert.equal((await runs.get(teacherA, run.id)).id, run.id, 'A teaches the student');
    await rejects(runs.get(teacherB, run.id), 'NotFound');
    await rejects(runs.node(teacherB, run.id, 'node01'), 'NotFound');
    await rejects(runs.latestGrade(teacherB, run.id), 'NotFound');
    assert.deepEqual((await runs.history(teacherB, { userId: student.id })).map((r) => r.id).includes(run.id), false);
    await rejects(classes.get(teacherB, a.id), 'NotFound');
    assert.deepEqual((await classes.taughtBy(teacherB)).map((c) => c.name), ['B']);
    assert.equal((await runs.get(admin, run.id)).id, run.id, 'an admin sees every run');
    assert.ok((await classes.taughtBy(admin)).length >= 2);
  });

  it('gets assignments; Submit grades, records and ends the run; the matrix and CSV show it', async () => {
    const { classes, runs, driver } = service();
    const teacher = await makeUser('instructor');
    const [ada, bob] = [await makeUser('student', 'Ada'), await makeUser('student', '=Bob')];
    const klass = await classes.create(teacher, 'Class, with a comma');
    for (const s of [ada, bob]) await classes.join(s, klass.joinCode!);
    await rejects(classes.assign(teacher, klass.id, { labId: 'netns-veth', opensAt: new Date(), dueAt: new Date(Date.now() - hour), counts: 'last' }), 'BadRequest');
    const assignment = await classes.assign(teacher, klass.id, { labId: 'netns-veth', opensAt: new Date(Date.now() - hour), dueAt: new Date(Date.now() + hour), counts: 'best' });
    assert.equal((await classes.assignmentsOf(ada))[0]!.id, assignment.id);

    // Ada solves half of it: the veth task and what follows fail.
    const run = await runs.start(ada, 'netns-veth');
    await runs.creations.get(run.id);
    const rendered = await runs.labOf(run);
    const failing = ['veth', 'addresses', 'links-up', 'ping'].map((id) => rendered.tasks.find((t) => t.id === id)!.check.script);
    driver.respond = ({ trusted, command }) => (trusted && failing.some((s) => command.includes(s)) ? { exitCode: 1, stdout: 'no veth pair joins red and blue' } : {});
    await rejects(classes.submit(bob, run.id), 'NotFound');
    const submitted = await classes.submit(ada, run.id);
    assert.equal(submitted.submitted?.late, false);
    assert.equal((await runs.get(ada, run.id)).status, 'ended');

    const matrix = await classes.matrix(teacher, assignment.id);
    const adaRow = matrix.rows.find((r) => r.student.id === ada.id)!;
    assert.deepEqual(adaRow.cells.map((c) => c.status), ['passed', 'failed', 'failed', 'failed', 'failed']);
    assert.equal(matrix.rows.find((r) => r.student.id === bob.id)!.submission, null);
    assert.equal(matrix.hardest[0]!.messages[0]!.count, 1);
    await rejects(classes.matrix(await makeUser('instructor'), assignment.id), 'NotFound');

    const csv = await classes.csv(teacher, assignment.id);
    const lines = csv.text.trimEnd().split('\r\n');
    assert.equal(lines[0], 'name,email,score,max_score,submitted_at,late,task:namespaces,task:veth,task:addresses,task:links-up,task:ping');
    assert.match(lines.find((l) => l.startsWith('Ada,'))!, new RegExp(`^Ada,${ada.email},1,\\d+,\\d{4}-[^,]+,false,passed:1,failed:0,failed:0,failed:0,failed:0$`));
    assert.ok(lines.some((l) => l.startsWith(`'=Bob,`)), 'a name a spreadsheet would run as a formula is defused');
    assert.match(csv.filename, /^Class_with_a_comma-netns-veth\.csv$/);
  });

  it('submits a run left open at the due date, for the student', async () => {
    const { classes, runs } = service();
    const teacher = await makeUser('instructor');
    const student = await makeUser();
    const klass = await classes.create(teacher, 'Due');
    await classes.join(student, klass.joinCode!);
    const assignment = await classes.assign(teacher, klass.id, { labId: 'netns-veth', opensAt: new Date(Date.now() - 2 * hour), dueAt: new Date(Date.now() + hour), counts: 'last' });
    const run = await runs.start(student, 'netns-veth');
    await runs.creations.get(run.id);
    // The due date passes with the run still open.
    await new Promise((r) => setTimeout(r, 20));
    await db.assignment.update({ where: { id: assignment.id }, data: { dueAt: new Date(Date.now() - 5) } });
    assert.equal(await classes.sweepDue(), 1);
    assert.equal(await classes.sweepDue(), 0, 'once');
    const mine = (await classes.assignmentsOf(student)).find((a) => a.id === assignment.id)!;
    assert.ok(mine.submitted && !mine.submitted.late);
    assert.equal((await runs.get(student, run.id)).status, 'ended');
    assert.ok((await classes.matrix(teacher, assignment.id)).rows[0]!.submission?.automatic);
  });
});
