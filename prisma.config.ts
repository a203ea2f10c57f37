// Prisma CLI configuration. DATABASE_URL picks the provider: prisma/schema.prisma (SQLite, the
// source of truth) or prisma/postgresql/schema.prisma (derived from it), each with the
// migrations folder beside it, so a stock `prisma migrate deploy` runs the matching history.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'prisma/config';
import { readEnv } from './lib/env';

// These commands only check that the schema engine file exists. Its download host is
// unreachable from our machines, so point them at any executable; migrations go through
// prisma/migrate.ts (the engine compiled to wasm) instead.
const COMMANDS_NEEDING_ONLY_AN_ENGINE_PATH = new Set(['generate', 'validate', 'format']);

function hasNativeSchemaEngine(): boolean {
  const enginesDir = join(process.cwd(), 'node_modules', '@prisma', 'engines');
  return existsSync(enginesDir) && readdirSync(enginesDir).some((name) => name.startsWith('schema-engine-'));
}

if (
  !process.env.PRISMA_SCHEMA_ENGINE_BINARY &&
  process.argv.slice(2).some((arg) => COMMANDS_NEEDING_ONLY_AN_ENGINE_PATH.has(arg)) &&
  !hasNativeSchemaEngine()
) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}

const { database } = readEnv();
const schemaDir = database.provider === 'sqlite' ? 'prisma' : 'prisma/postgresql';

export default defineConfig({
  schema: `${schemaDir}/schema.prisma`,
  migrations: { path: `${schemaDir}/migrations` },
  datasource: { url: database.url },
});
