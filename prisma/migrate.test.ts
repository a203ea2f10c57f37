// The migrate script against throw-away SQLite files and copies of prisma/, through its exported
// commands and, where the exit code is the contract, through its command line.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { parseDatabaseUrl } from '../lib/env';
import { check, defaultTarget, deploy, dev, isUpToDate, status, type Target } from './migrate';

const root = join(import.meta.dirname, '..');
let scratch: string;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'netdojo-migrate-'));
});

after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of prisma/ (schema, twin and both histories) and an empty database beside it. */
async function workspace(name: string): Promise<Target> {
  const dir = join(scratch, name);
  await cp(join(root, 'prisma'), join(dir, 'prisma'), {
    recursive: true,
    filter: (source) => !source.endsWith('.ts'),
  });
  return { database: parseDatabaseUrl(`file:${join(dir, 'netdojo.db')}`), schemaFile: join(dir, 'prisma', 'schema.prisma') };
}

function sqliteFile(target: Target): string {
  assert.equal(target.database.provider, 'sqlite');
  return target.database.file;
}

function query<T>(target: Target, sql: string): T[] {
  const db = new Database(sqliteFile(target), { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(join(root, 'prisma', 'migrations'), { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

async function addFieldToTaskResult(target: Target): Promise<void> {
  const schema = await readFile(target.schemaFile, 'utf8');
  const drifted = schema.replace(/(model TaskResult \{\n)/, '$1  durationMs Int @default(0)\n');
  assert.notEqual(drifted, schema);
  await writeFile(target.schemaFile, drifted);
}

type CliResult = { code: number; stdout: string; stderr: string };

async function cli(args: string[], databaseUrl: string): Promise<CliResult> {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'prisma/migrate.ts', ...args],
      { cwd: root, env },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('deploy', () => {
  test('on an empty database creates the tables and records each migration with its checksum', async () => {
    const target = await workspace('deploy-empty');
    const migrations = await committedMigrations();

    assert.deepEqual(await deploy(target), migrations);

    const tables = query<{ name: string }>(target, "SELECT name FROM sqlite_master WHERE type = 'table'").map((t) => t.name);
    for (const table of ['User', 'Run', 'Grade', 'TaskResult', '_prisma_migrations']) assert.ok(tables.includes(table), table);
    const rows = query<{ migration_name: string; checksum: string; finished_at: string | null }>(
      target,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    assert.deepEqual(
      rows.map((r) => r.migration_name),
      migrations,
    );
    for (const row of rows) {
      const script = await readFile(join(root, 'prisma', 'migrations', row.migration_name, 'migration.sql'));
      assert.equal(row.checksum, createHash('sha256').update(script).digest('hex'));
      assert.ok(row.finished_at);
    }
  });

  test('twice applies nothing the second time', async () => {
    const target = await workspace('deploy-twice');
    await deploy(target);

    assert.deepEqual(await deploy(target), []);
    assert.equal(query(target, 'SELECT * FROM _prisma_migrations').length, (await committedMigrations()).length);
  });
});

describe('status', () => {
  test('lists the pending migrations of a database never migrated, and exits 1', async () => {
    const target = await workspace('status-empty');

    assert.deepEqual((await status(target)).pending, await committedMigrations());
    const result = await cli(['status', '--schema', target.schemaFile], target.database.url);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /not yet applied/);
  });

  test('reports a deployed database up to date, and exits 0', async () => {
    const target = await workspace('status-deployed');
    await deploy(target);

    assert.ok(isUpToDate(await status(target)));
    const result = await cli(['status', '--schema', target.schemaFile], target.database.url);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /up to date/);
  });
});

describe('check', () => {
  test('passes on the committed schema, twin and migrations', async () => {
    const result = await cli(['check'], `file:${join(scratch, 'unused.db')}`);
    assert.equal(result.code, 0, result.stdout + result.stderr);
  });

  test('exits 1 and shows the missing SQL when schema.prisma drifts from the migrations', async () => {
    const target = await workspace('check-drift');
    await addFieldToTaskResult(target);

    const result = await cli(['check', '--schema', target.schemaFile], target.database.url);
    assert.equal(result.code, 1);
    assert.match(result.stdout, /needs a new migration/);
    assert.match(result.stdout, /"durationMs"/);
  });
});

describe('dev', () => {
  test('creates and applies the migration a drifted schema needs, then asks for its PostgreSQL twin', async () => {
    const target = await workspace('dev-drift');
    await deploy(target);
    await addFieldToTaskResult(target);

    const created = await dev(target, 'task_duration');

    assert.match(created ?? '', /^\d{14}_task_duration$/);
    const script = await readFile(join(target.schemaFile, '..', 'migrations', created!, 'migration.sql'), 'utf8');
    assert.match(script, /"durationMs" INTEGER NOT NULL DEFAULT 0/);
    assert.ok(isUpToDate(await status(target)));
    const columns = query<{ name: string }>(target, 'PRAGMA table_info("TaskResult")').map((c) => c.name);
    assert.ok(columns.includes('durationMs'));
    const twin = await readFile(join(target.schemaFile, '..', 'postgresql', 'schema.prisma'), 'utf8');
    assert.match(twin, /durationMs/);
    assert.match(twin, /provider = "postgresql"/);
    // Only the PostgreSQL history is left behind; that one needs a PostgreSQL server to create.
    const problems = await check(target);
    assert.equal(problems.length, 1, problems.join('\n'));
    assert.match(problems[0]!, /PostgreSQL ones/);
  });

  test('creates nothing when the schema and the migrations agree', async () => {
    const target = await workspace('dev-in-sync');

    assert.equal(await dev(target, 'nothing'), null);
    assert.deepEqual(await readdir(join(target.schemaFile, '..', 'migrations')), [
      ...(await committedMigrations()),
      'migration_lock.toml',
    ]);
  });

  test('refuses a migration that would drop data unless told to accept it', async () => {
    const target = await workspace('dev-data-loss');
    await deploy(target);
    const db = new Database(sqliteFile(target));
    db.prepare("INSERT INTO User (id, email, name) VALUES ('u1', 'a@example.com', 'A')").run();
    db.close();
    const schema = await readFile(target.schemaFile, 'utf8');
    await writeFile(target.schemaFile, schema.replace(/\n  name +String\n/, '\n'));

    await assert.rejects(dev(target, 'drop_name'), /lose data[\s\S]*accept-data-loss/);
    assert.match((await dev(target, 'drop_name', { acceptDataLoss: true })) ?? '', /_drop_name$/);
  });

  test('rejects a name that is not snake_case before touching anything', async () => {
    const result = await cli(['dev', '--name', 'Add Field'], `file:${join(scratch, 'never-created.db')}`);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /lower-case letters/);
  });
});

// PostgreSQL needs a server, which CI does not start: point this at an empty or Netdojo database.
const postgresUrl = process.env.NETDOJO_TEST_DATABASE_URL?.match(/^postgres(ql)?:/) ? process.env.NETDOJO_TEST_DATABASE_URL : undefined;

describe('on PostgreSQL', { skip: !postgresUrl && 'set NETDOJO_TEST_DATABASE_URL=postgresql://… to run' }, () => {
  test('deploys the committed PostgreSQL history, then reports it up to date and matching its schema', async () => {
    const target = defaultTarget(parseDatabaseUrl(postgresUrl!));

    await deploy(target);

    assert.ok(isUpToDate(await status(target)));
    assert.deepEqual(await check(target), []);
  });
});
