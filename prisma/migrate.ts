// Prisma Migrate for machines without Prisma's native schema engine (see schema-engine.ts).
// It keeps Prisma's own layout (<schema dir>/migrations/<timestamp>_<name>/migration.sql and
// migration_lock.toml) and the _prisma_migrations table, so the stock `prisma migrate deploy`
// can take over the same history on a machine that has the native engine.
//
//   npx tsx prisma/migrate.ts deploy            apply pending migrations
//   npx tsx prisma/migrate.ts dev --name NAME   apply pending ones, then create and apply NAME
//                                               (--accept-data-loss to drop columns or tables)
//   npx tsx prisma/migrate.ts status            exit 1 unless every migration is applied
//   npx tsx prisma/migrate.ts check             exit 1 if the migrations do not build the schema
//
// DATABASE_URL picks the database and with it the schema: prisma/schema.prisma for SQLite,
// prisma/postgresql/schema.prisma for PostgreSQL. --schema FILE takes another schema file, whose
// migrations are the folder beside it. `dev` also refreshes the PostgreSQL twin of a SQLite
// schema (postgresql/schema.prisma beside it), which only differs in its provider and output,
// before it creates a migration for either.
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type Database, readEnv } from '../lib/env';
import { type EngineSession, openSchemaEngine, type SchemaFile } from './schema-engine';

export type Target = { database: Database; schemaFile: string };

export type MigrationStatus = { pending: string[]; unknown: string[]; failed: string[]; edited: string[] };

type MigrationList = Parameters<EngineSession['engine']['applyMigrations']>[0]['migrationsList'];

const NO_FILTERS = { externalTables: [], externalEnums: [] };
const LOCKFILE = 'migration_lock.toml';
const MIGRATIONS_TABLE_MISSING = 'P1014';

export function defaultTarget(database: Database = readEnv().database): Target {
  const dir = database.provider === 'sqlite' ? 'prisma' : 'prisma/postgresql';
  return { database, schemaFile: resolve(dir, 'schema.prisma') };
}

export async function deploy(target: Target): Promise<string[]> {
  return withEngine(target, async ({ engine }) => {
    const { appliedMigrationNames } = await engine.applyMigrations({
      migrationsList: await listMigrations(migrationsDir(target)),
      filters: NO_FILTERS,
    });
    return appliedMigrationNames;
  });
}

export async function status(target: Target): Promise<MigrationStatus> {
  const migrationsList = await listMigrations(migrationsDir(target));
  return withEngine(target, async ({ engine }) => {
    try {
      const diagnosis = await engine.diagnoseMigrationHistory({
        migrationsList,
        optInToShadowDatabase: false,
        filters: NO_FILTERS,
      });
      const { history } = diagnosis;
      return {
        pending: history && history.diagnostic !== 'migrationsDirectoryIsBehind' ? history.unappliedMigrationNames : [],
        unknown: history && history.diagnostic !== 'databaseIsBehind' ? history.unpersistedMigrationNames : [],
        failed: diagnosis.failedMigrationNames,
        edited: diagnosis.editedMigrationNames,
      };
    } catch (error) {
      // A database that was never migrated has no _prisma_migrations table to diagnose.
      if (errorCode(error) !== MIGRATIONS_TABLE_MISSING) throw error;
      return { pending: migrationsList.migrationDirectories.map((m) => m.path), unknown: [], failed: [], edited: [] };
    }
  });
}

export function isUpToDate(s: MigrationStatus): boolean {
  return [s.pending, s.unknown, s.failed, s.edited].every((names) => names.length === 0);
}

/** Creates and applies the migration from the applied history to the schema; null if in sync. */
export async function dev(target: Target, name: string, options = { acceptDataLoss: false }): Promise<string | null> {
  const sqliteSource = twinSource(target);
  if (sqliteSource) await writePostgresTwin(sqliteSource);
  const schema = await readSchema(target.schemaFile);
  const dir = migrationsDir(target);
  const migrationsList = await listMigrations(dir);
  return withEngine(target, async ({ engine }) => {
    // Before anything else: on an empty database this creates _prisma_migrations, which the
    // diagnosis needs. The diagnosis replays the history on a shadow database, and
    // createMigration reuses that result (it has no shadow database of its own in wasm).
    await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    const { action } = await engine.devDiagnostic({ migrationsList, filters: NO_FILTERS });
    if (action.tag === 'reset') throw new Error(`the database must be reset first: ${action.reason}`);
    await refuseDataLoss(engine, migrationsList, schema, options.acceptDataLoss);
    const created = await engine.createMigration({
      migrationsList,
      schema: { files: [schema] },
      migrationName: name,
      draft: false,
      filters: NO_FILTERS,
    });
    if (created.migrationScript === null) return null;
    await writeMigration(dir, created.generatedMigrationName, created.migrationScript, created.connectorType);
    await engine.applyMigrations({ migrationsList: await listMigrations(dir), filters: NO_FILTERS });
    return created.generatedMigrationName;
  });
}

/** Problems that make the migrations folder disagree with the schema; empty when they agree. */
export async function check(target: Target): Promise<string[]> {
  const schema = await readSchema(target.schemaFile);
  const migrationsList = await listMigrations(migrationsDir(target));
  // SQLite diffs on in-memory databases; PostgreSQL needs its server for the shadow database.
  const database: Database =
    target.database.provider === 'sqlite' ? { provider: 'sqlite', url: 'file::memory:', file: ':memory:' } : target.database;
  const drift = await withEngine({ ...target, database }, async ({ engine }) => {
    const diff = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [schema] },
      script: true,
      exitCode: true,
      filters: NO_FILTERS,
    });
    return diff.exitCode === 0 ? null : diff.stdout;
  });
  const problems = drift === null ? [] : [`${rel(target.schemaFile)} needs a new migration:\n${drift}`];
  if (target.database.provider === 'sqlite') problems.push(...(await twinProblems(target.schemaFile)));
  return problems;
}

async function withEngine<T>(target: Target, work: (session: EngineSession) => Promise<T>): Promise<T> {
  if (target.database.provider === 'sqlite' && target.database.file !== ':memory:') {
    await mkdir(dirname(target.database.file), { recursive: true });
  }
  const session = await openSchemaEngine(target.database, await readSchema(target.schemaFile));
  try {
    return await work(session);
  } finally {
    await session.close();
  }
}

async function refuseDataLoss(
  engine: EngineSession['engine'],
  migrationsList: MigrationList,
  schema: SchemaFile,
  acceptDataLoss: boolean,
): Promise<void> {
  const loss = await engine.evaluateDataLoss({ migrationsList, schema: { files: [schema] }, filters: NO_FILTERS });
  const blocking = [...loss.unexecutableSteps, ...(acceptDataLoss ? [] : loss.warnings)];
  if (blocking.length === 0) return;
  const hint = loss.unexecutableSteps.length === 0 ? '\n(pass --accept-data-loss to go ahead)' : '';
  throw new Error(`the migration would lose data:\n${blocking.map((f) => `- ${f.message}`).join('\n')}${hint}`);
}

function migrationsDir(target: Target): string {
  return join(dirname(target.schemaFile), 'migrations');
}

async function readSchema(file: string): Promise<SchemaFile> {
  return { path: basename(file), content: await readFile(file, 'utf8') };
}

async function listMigrations(dir: string): Promise<MigrationList> {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return {
    baseDir: dir,
    lockfile: { path: LOCKFILE, content: await readFile(join(dir, LOCKFILE), 'utf8').catch(() => null) },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: await readFile(join(dir, name, 'migration.sql'), 'utf8').then(
            (value) => ({ tag: 'ok' as const, value }),
            (error: Error) => ({ tag: 'error' as const, value: error.message }),
          ),
        },
      })),
    ),
  };
}

async function writeMigration(dir: string, name: string, script: string, provider: string): Promise<void> {
  await mkdir(join(dir, name), { recursive: true });
  await writeFile(join(dir, name, 'migration.sql'), script);
  // Prisma's own wording, so the stock CLI sees nothing to rewrite.
  const lockfile = `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
  await writeFile(join(dir, LOCKFILE), lockfile);
}

// The SQLite schema a target's PostgreSQL twin is made from: its own schema, or for a schema in a
// postgresql/ folder, the schema.prisma above it.
function twinSource(target: Target): string | null {
  if (target.database.provider === 'sqlite') return target.schemaFile;
  const dir = dirname(target.schemaFile);
  const source = join(dirname(dir), 'schema.prisma');
  return basename(dir) === 'postgresql' && existsSync(source) ? source : null;
}

function twinFile(sqliteSchemaFile: string): string {
  return join(dirname(sqliteSchemaFile), 'postgresql', 'schema.prisma');
}

function postgresTwin(sqliteSchema: string): string {
  return [
    '// Generated from ../schema.prisma by `npx tsx prisma/migrate.ts dev`; edit that file instead.\n',
    replaceOnce(
      replaceOnce(sqliteSchema, /provider(\s*)= "sqlite"/, 'provider$1= "postgresql"'),
      /output(\s*)= "\.\.\/generated\/prisma"/,
      'output$1= "../../generated/prisma-postgresql"',
    ),
  ].join('');
}

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`the SQLite schema has no ${pattern.source}: cannot derive its PostgreSQL twin`);
  return text.replace(pattern, replacement);
}

async function writePostgresTwin(sqliteSchemaFile: string): Promise<void> {
  const twin = postgresTwin(await readFile(sqliteSchemaFile, 'utf8'));
  await mkdir(dirname(twinFile(sqliteSchemaFile)), { recursive: true });
  await writeFile(twinFile(sqliteSchemaFile), twin);
}

async function twinProblems(sqliteSchemaFile: string): Promise<string[]> {
  const file = twinFile(sqliteSchemaFile);
  const expected = postgresTwin(await readFile(sqliteSchemaFile, 'utf8'));
  const actual = await readFile(file, 'utf8').catch(() => null);
  const problems = actual === expected ? [] : [`${rel(file)} is out of date: run \`npx tsx prisma/migrate.ts dev\``];
  const sqliteNames = await migrationNames(join(dirname(sqliteSchemaFile), 'migrations'));
  const postgresNames = await migrationNames(join(dirname(file), 'migrations'));
  if (sqliteNames.join() !== postgresNames.join()) {
    problems.push(
      `the SQLite migrations (${sqliteNames.join(', ')}) and the PostgreSQL ones (${postgresNames.join(', ')}) differ: ` +
        'run `DATABASE_URL=postgresql://… npx tsx prisma/migrate.ts dev --name NAME` with the same names',
    );
  }
  return problems;
}

// A migration's name without its timestamp: the two histories are made at different times.
async function migrationNames(dir: string): Promise<string[]> {
  const { migrationDirectories } = await listMigrations(dir);
  return migrationDirectories.map((m) => m.path.replace(/^\d+_/, ''));
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function rel(file: string): string {
  return relative(process.cwd(), file);
}

const MigrationName = z
  .string({ error: 'dev needs --name NAME' })
  .regex(/^[a-z0-9_]+$/, 'a migration name is lower-case letters, digits and underscores');

const Cli = z.discriminatedUnion('command', [
  z.object({ command: z.literal('deploy'), schema: z.string().optional() }),
  z.object({
    command: z.literal('dev'),
    schema: z.string().optional(),
    name: MigrationName,
    'accept-data-loss': z.boolean().default(false),
  }),
  z.object({ command: z.literal('status'), schema: z.string().optional() }),
  z.object({ command: z.literal('check'), schema: z.string().optional() }),
]);

type CliArgs = z.infer<typeof Cli>;

function parseCli(argv: string[]): CliArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, schema: { type: 'string' }, 'accept-data-loss': { type: 'boolean' } },
  });
  const parsed = Cli.safeParse({ command: positionals[0], ...values });
  if (!parsed.success) throw new UsageError(z.prettifyError(parsed.error));
  return parsed.data;
}

class UsageError extends Error {}

const USAGE = 'usage: npx tsx prisma/migrate.ts <deploy | dev --name NAME [--accept-data-loss] | status | check> [--schema FILE]';

async function runCli(args: CliArgs): Promise<number> {
  const target = args.schema ? { ...defaultTarget(), schemaFile: resolve(args.schema) } : defaultTarget();
  switch (args.command) {
    case 'deploy': {
      const applied = await deploy(target);
      console.log(applied.length ? `applied ${applied.join(', ')}` : 'no pending migrations');
      return 0;
    }
    case 'dev': {
      const created = await dev(target, args.name, { acceptDataLoss: args['accept-data-loss'] });
      console.log(created ? `created and applied ${created}` : 'the schema and the migrations agree: nothing to create');
      return 0;
    }
    case 'status': {
      const s = await status(target);
      console.log(describeStatus(s));
      return isUpToDate(s) ? 0 : 1;
    }
    case 'check': {
      const problems = await check(target);
      console.log(problems.length ? problems.join('\n') : 'the migrations match the schema');
      return problems.length ? 1 : 0;
    }
  }
}

function describeStatus(s: MigrationStatus): string {
  if (isUpToDate(s)) return 'the database is up to date';
  const lines: Array<[string[], string]> = [
    [s.pending, 'not yet applied'],
    [s.unknown, 'applied but missing from the migrations folder'],
    [s.failed, 'failed'],
    [s.edited, 'edited after being applied'],
  ];
  return lines
    .filter(([names]) => names.length > 0)
    .map(([names, what]) => `${what}: ${names.join(', ')}`)
    .join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    process.exitCode = await runCli(parseCli(process.argv.slice(2)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    if (error instanceof UsageError) console.error(USAGE);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
