// lib/db on a freshly migrated throw-away SQLite file, or on the database that
// NETDOJO_TEST_DATABASE_URL names (e.g. a PostgreSQL one: the same tests prove both clients).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Prisma } from '../generated/prisma/client';
import { defaultTarget, deploy } from '../prisma/migrate';

const scratch = await mkdtemp(join(tmpdir(), 'netdojo-db-'));
process.env.DATABASE_URL = process.env.NETDOJO_TEST_DATABASE_URL ?? `file:${join(scratch, 'netdojo.db')}`;
await deploy(defaultTarget());
const { db } = await import('./db');

after(async () => {
  await db.$disconnect();
  await rm(scratch, { recursive: true, force: true });
});

const runWithGrades = {
  id: true,
  labId: true,
  status: true,
  params: true,
  user: { select: { email: true, role: true } },
  grades: { select: { score: true, maxScore: true, tasks: { select: { taskId: true, status: true, points: true } } } },
} satisfies Prisma.RunSelect;

function uniqueEmail(): string {
  return `${randomUUID()}@example.com`;
}

async function createRunWithGrade(userId: string | null) {
  return db.run.create({
    data: {
      userId,
      labId: 'veth-basics',
      status: 'ready',
      params: JSON.stringify({ subnet: '10.0.0.0/24' }),
      expiresAt: new Date(Date.now() + 3_600_000),
      grades: {
        create: {
          score: 5,
          maxScore: 10,
          tasks: {
            create: [
              { taskId: 'ping', status: 'passed', points: 5 },
              { taskId: 'route', status: 'failed', message: 'no route to 10.0.1.0/24', points: 0 },
            ],
          },
        },
      },
    },
  });
}

test('creates a user, a run, its grade and task results, and reads them back', async () => {
  const user = await db.user.create({ data: { email: uniqueEmail(), name: 'Ada' } });
  const created = await createRunWithGrade(user.id);

  const run = await db.run.findUniqueOrThrow({ where: { id: created.id }, select: runWithGrades });

  assert.equal(run.user?.email, user.email);
  assert.equal(run.user?.role, 'student');
  assert.deepEqual(JSON.parse(run.params), { subnet: '10.0.0.0/24' });
  assert.equal(run.grades[0]?.score, 5);
  assert.deepEqual(run.grades[0]?.tasks.map((t) => t.taskId).sort(), ['ping', 'route']);
  assert.ok(created.createdAt instanceof Date);
  assert.equal(created.destroyedAt, null);
});

test('refuses a second user with the same email', async () => {
  const email = uniqueEmail();
  await db.user.create({ data: { email, name: 'Ada' } });

  await assert.rejects(db.user.create({ data: { email, name: 'Grace' } }), { code: 'P2002' });
});

test('deleting a run deletes its grades and task results; deleting a user keeps its runs', async () => {
  const user = await db.user.create({ data: { email: uniqueEmail(), name: 'Ada' } });
  const kept = await createRunWithGrade(user.id);
  const removed = await createRunWithGrade(user.id);

  await db.run.delete({ where: { id: removed.id } });
  await db.user.delete({ where: { id: user.id } });

  assert.equal(await db.grade.count({ where: { runId: removed.id } }), 0);
  assert.equal(await db.taskResult.count({ where: { grade: { runId: removed.id } } }), 0);
  const orphan = await db.run.findUniqueOrThrow({ where: { id: kept.id }, select: { userId: true } });
  assert.equal(orphan.userId, null);
});

test('a module evaluated again, as Next does on a hot reload, gets the same client', async () => {
  const reloaded: typeof import('./db') = await import(`./db.ts?reload=${Date.now()}`);

  assert.notEqual(reloaded, await import('./db'), 'the module was not evaluated again');
  assert.equal(reloaded.db, db);
});
