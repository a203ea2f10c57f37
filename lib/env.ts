// The environment Netdojo reads, validated once where it enters. Relative paths resolve against
// the working directory: every entry point (npm scripts, server.ts, next, the prisma CLI) runs
// from the project root, and bundled server code has no stable file location to resolve from.
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

export type Database =
  | { provider: 'sqlite'; url: string; file: string }
  | { provider: 'postgresql'; url: string };

export type Env = { database: Database; port: number; dataDir: string };

const EnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a file: (SQLite) or postgres:// (PostgreSQL) URL')
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NETDOJO_DATA_DIR: z.string().min(1).default('data'),
});

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`invalid environment: ${z.prettifyError(parsed.error)}`);
  const dataDir = resolve(parsed.data.NETDOJO_DATA_DIR);
  const url = parsed.data.DATABASE_URL ?? `file:${join(dataDir, 'netdojo.db')}`;
  return { database: parseDatabaseUrl(url), port: parsed.data.PORT, dataDir };
}

export function parseDatabaseUrl(url: string): Database {
  if (!url.startsWith('file:')) return { provider: 'postgresql', url };
  const path = url.slice('file:'.length).replace(/\?.*$/, '');
  const file = isAbsolute(path) ? path : resolve(path);
  // Prisma resolves a relative file: URL against the schema or config file; handing it an
  // absolute one keeps the CLI, the migrate script and the app on the same file.
  return { provider: 'sqlite', url: `file:${file}`, file };
}
