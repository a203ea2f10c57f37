// The environment Netdojo reads, validated once where it enters. Relative paths resolve against
// the working directory: every entry point (npm scripts, server.ts, next, the prisma CLI) runs
// from the project root, and bundled server code has no stable file location to resolve from.
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

export type Database =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string };

export interface Limits {
  /** Live runs one user may have across all labs (one per lab regardless). */
  runsPerUser: number;
  /** Live runs on this server; past it a start is answered 503. */
  capacity: number;
}

export type Env = {
  database: Database;
  port: number;
  dataDir: string;
  /** Where browsers reach Netdojo; the first is the canonical URL. Also the allowed Origins. */
  origins: string[];
  authSecret: string | undefined;
  admin: { email: string; password: string } | undefined;
  limits: Limits;
  /** The folder of lab folders the web app offers. */
  labsDir: string;
  examsDir: string;
  recordings: { dir: string; maxBytesPerRun: number; retentionDays: number };
  /** Sign-in and sign-up attempts one address may make per minute. */
  authAttemptsPerMinute: number;
};

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a file: (SQLite) or postgres:// (PostgreSQL) URL')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NETDOJO_DATA_DIR: z.string().min(1).default('data'),
  NETDOJO_PUBLIC_URL: z.url().optional(),
  NETDOJO_TRUSTED_ORIGINS: z.string().default(''),
  NETDOJO_AUTH_SECRET: z.string().min(32, 'use at least 32 characters (openssl rand -base64 32)').optional(),
  NETDOJO_ADMIN_EMAIL: z.email().optional(),
  NETDOJO_ADMIN_PASSWORD: z.string().min(8).optional(),
  NETDOJO_RUNS_PER_USER: z.coerce.number().int().min(1).default(2),
  NETDOJO_CAPACITY: z.coerce.number().int().min(1).default(20),
  NETDOJO_AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  NETDOJO_LABS_DIR: z.string().min(1).default('labs'),
  NETDOJO_EXAMS_DIR: z.string().min(1).default('exams'),
  NETDOJO_RECORDING_MB: z.coerce.number().min(0).default(5),
  NETDOJO_RECORDING_DAYS: z.coerce.number().int().min(1).default(30),
});

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`);
  const dataDir = resolve(parsed.data.NETDOJO_DATA_DIR);
  const url = parsed.data.DATABASE_URL ?? `file:${join(dataDir, 'netdojo.db')}`;
  const e = parsed.data;
  const local = [`http://localhost:${e.PORT}`, `http://127.0.0.1:${e.PORT}`];
  const extra = e.NETDOJO_TRUSTED_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  const origins = [...new Set([...(e.NETDOJO_PUBLIC_URL ? [new URL(e.NETDOJO_PUBLIC_URL).origin] : []), ...local, ...extra])];
  const admin = e.NETDOJO_ADMIN_EMAIL && e.NETDOJO_ADMIN_PASSWORD ? { email: e.NETDOJO_ADMIN_EMAIL, password: e.NETDOJO_ADMIN_PASSWORD } : undefined;
  return {
    database: parseDatabaseUrl(url),
    port: e.PORT,
    dataDir,
    origins,
    authSecret: e.NETDOJO_AUTH_SECRET,
    admin,
    limits: { runsPerUser: e.NETDOJO_RUNS_PER_USER, capacity: e.NETDOJO_CAPACITY },
    authAttemptsPerMinute: e.NETDOJO_AUTH_ATTEMPTS_PER_MINUTE,
    labsDir: resolve(e.NETDOJO_LABS_DIR),
    examsDir: resolve(e.NETDOJO_EXAMS_DIR),
    recordings: { dir: join(dataDir, 'recordings'), maxBytesPerRun: e.NETDOJO_RECORDING_MB * 1024 * 1024, retentionDays: e.NETDOJO_RECORDING_DAYS },
  };
}

export function parseDatabaseUrl(url: string): Database {
  if (!url.startsWith('file:')) return { provider: 'postgresql', url };
  const path = url.slice('file:'.length).replace(/\?.*$/, '');
  const file = isAbsolute(path) ? path : resolve(path);
  // Prisma resolves a relative file: URL against the schema or config file; handing it an
  // absolute one keeps the CLI, the migrate script and the app on the same file.
  return { provider: 'sqlite', url: `file:${file}`, file };
}
