// Shared by the domain tests that run on a throw-away database: the database itself (set up
// before lib/db.ts is first imported, so the one client points at it), users, and the check
// that a promise is refused with a given AppError.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTarget, deploy } from '../prisma/migrate';
import type { User } from './auth';
import type { Db } from './db';
import { AppError } from './errors';

/**
 * Points DATABASE_URL at a fresh SQLite file (or NETDOJO_TEST_DATABASE_URL, for the PostgreSQL
 * run) and applies the migrations. Import lib/db.ts only after this.
 */
export async function scratchDatabase(prefix: string): Promise<{ remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `netdojo-${prefix}-`));
  process.env.DATABASE_URL = process.env.NETDOJO_TEST_DATABASE_URL ?? `file:${join(dir, 'netdojo.db')}`;
  await deploy(defaultTarget());
  return { remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function makeUser(db: Db, role: User['role'] = 'student', name?: string): Promise<User> {
  const email = `${randomUUID()}@example.com`;
  const shown = name ?? email.slice(0, 8);
  const row = await db.user.create({ data: { email, name: shown, role }, select: { id: true } });
  return { id: row.id, email, name: shown, role };
}

export async function rejects(promise: Promise<unknown>, code: AppError['code'], message?: RegExp) {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    if (message) assert.match(err.message, message);
    return true;
  });
}
