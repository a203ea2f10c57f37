// The process's one PrismaClient. DATABASE_URL picks SQLite (embedded, the default) or
// PostgreSQL at start-up; a client is generated for each (see prisma.config.ts), so switching
// needs no rebuild.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '../generated/prisma-postgresql/client';
import { type Database, readEnv } from './env';

export type Db = PrismaClient;

function createDb(database: Database): Db {
  if (database.provider === 'sqlite') {
    return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: database.file }) });
  }
  // Both clients come from the same models; the SQLite one's API is the portable subset.
  return new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) }) as unknown as Db;
}

// Next's dev server re-evaluates modules on every edit: one client per process, not per reload,
// or each reload would leave a connection pool (or an open SQLite file) behind.
const processGlobal = globalThis as typeof globalThis & { netdojoDb?: Db };

export const db: Db = (processGlobal.netdojoDb ??= createDb(readEnv().database));
