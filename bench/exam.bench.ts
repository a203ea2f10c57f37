// `npm run bench`, part two: how long grading takes. One lab's Check beside a whole exam's grading
// (every opened question's checks, four questions at a time, then its sandboxes removed), through
// the same Runs and Exams services the web app uses, on the real engine and a throw-away SQLite
// database. Printed, never asserted.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTarget, deploy } from '../prisma/migrate';
import { DockerDriver } from '../sandbox/docker';

const scratch = await mkdtemp(join(tmpdir(), 'netdojo-bench-'));
process.env.DATABASE_URL = `file:${join(scratch, 'bench.db')}`;
await deploy(defaultTarget());
const { db } = await import('../lib/db');
const { Runs } = await import('../lib/runs');
const { Exams } = await import('../lib/exams/attempts');
const { findExam } = await import('../lib/exam-catalogue');

const ROUNDS = Number(process.env.BENCH_EXAM_ROUNDS ?? 3);
const EXAM = process.env.BENCH_EXAM ?? 'first-try';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const runs = new Runs({ db, driver: new DockerDriver(), limits: { runsPerUser: 5, capacity: 50 } });
const exams = new Exams({ db, runs });
const email = `bench-${randomUUID()}@example.com`;
const row = await db.user.create({ data: { email, name: 'bench' }, select: { id: true } });
const user = { id: row.id, email, name: 'bench', role: 'student' as const };
const exam = await findExam(EXAM);

// Per question: its Check alone (in a practice attempt); then the whole exam graded at once.
const alone = new Map<string, number[]>();
const grading: number[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    const practice = await exams.start(user, EXAM, 'practice');
    const questions = await Promise.all(exam.questions.map((q) => exams.open(user, practice.id, q.id)));
    await Promise.all(questions.map((q) => runs.creations.get(q.runId!)));
    for (const q of questions) {
      const started = performance.now();
      await exams.check(user, practice.id, q.id);
      alone.set(q.id, [...(alone.get(q.id) ?? []), performance.now() - started]);
    }
    await exams.submit(user, practice.id);

    const attempt = await exams.start(user, EXAM, 'timed');
    const opened = await Promise.all(exam.questions.map((q) => exams.open(user, attempt.id, q.id)));
    await Promise.all(opened.map((q) => runs.creations.get(q.runId!)));
    const submitted = performance.now();
    await exams.submit(user, attempt.id);
    grading.push(performance.now() - submitted);
  }
} finally {
  await db.$disconnect();
  await rm(scratch, { recursive: true, force: true });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(`\nGrading, unsolved sandboxes (median of ${ROUNDS} rounds; a failing traffic check waits out its timeouts)\n`);
console.log('| measure | time |');
console.log('|---|---:|');
let sum = 0;
for (const q of exam.questions) {
  const ms = median(alone.get(q.id)!);
  sum += ms;
  console.log(`| Check of question ${q.id} (${q.lab}) alone | ${seconds(ms)} |`);
}
const all = median(grading);
console.log(`| the ${exam.questions.length} Checks one after another | ${seconds(sum)} |`);
console.log(`| the whole exam graded at its end, sandboxes removed (${exam.id}) | ${seconds(all)} (${(all / sum).toFixed(2)}x the sum; the slowest question alone: ${seconds(Math.max(...exam.questions.map((q) => median(alone.get(q.id)!))))}) |`);
