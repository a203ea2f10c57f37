// Prisma's schema engine, the one behind `prisma migrate`, compiled to wasm and driven through
// the same driver adapters as the app: the native engine cannot be downloaded on our machines.
// Only prisma/migrate.ts uses this file.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';
import * as bindings from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import type { Database } from '../lib/env';

export type SchemaFile = { path: string; content: string };
export type EngineSession = { engine: SchemaEngine; close(): Promise<void> };

let engineClass: Promise<typeof SchemaEngine> | undefined;

export async function openSchemaEngine(database: Database, schema: SchemaFile): Promise<EngineSession> {
  const SchemaEngineClass = await (engineClass ??= instantiateWasm());
  const adapters = new OwnedAdapters(adapterFactory(database));
  openSessions += 1;
  const release = async () => {
    await adapters.dispose();
    openSessions -= 1;
    releaseTimersWhenIdle();
  };
  try {
    const engine = await SchemaEngineClass.new(
      { datamodels: [[schema.path, schema.content]] },
      // The engine's tracing is for Prisma's own debugging; failures come back as rejections.
      () => {},
      bindMigrationAwareSqlAdapterFactory(adapters),
    );
    return {
      engine,
      async close() {
        engine.free();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

// wasm-bindgen's bundler build imports the .wasm file as an ES module, which Node 20 cannot do;
// instantiate it by hand as Prisma's CLI does. Once per process: the bindings keep global state.
async function instantiateWasm(): Promise<typeof SchemaEngine> {
  const bindingsFile = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmFile = join(dirname(bindingsFile), 'schema_engine_bg.wasm');
  const module = new WebAssembly.Module(await readFile(wasmFile));
  const instance = new WebAssembly.Instance(module, { './schema_engine_bg.js': withTrackedTimers(bindings) });
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  // The engine reports a Rust panic's message through this global before it traps.
  Object.assign(globalThis, { PRISMA_WASM_PANIC_REGISTRY: { set_message: reportPanic } });
  return bindings.SchemaEngine;
}

// The engine races its work against timeouts (60 s and more) that it never clears: the wasm
// imports no clearTimeout. Left as they are, they keep Node alive long after the last command.
// They stay referenced while a session is open, in case one is a real wait, and are let go after.
const engineTimers = new Set<NodeJS.Timeout>();
let openSessions = 0;

function withTrackedTimers(imports: typeof bindings): WebAssembly.ModuleImports {
  const tracked: WebAssembly.ModuleImports = { ...imports };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    tracked[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(() => {
        engineTimers.delete(timer);
        callback();
      }, ms >>> 0);
      engineTimers.add(timer);
      return timer;
    };
  }
  return tracked;
}

function releaseTimersWhenIdle(): void {
  if (openSessions > 0) return;
  for (const timer of engineTimers) timer.unref();
}

function reportPanic(message: string): void {
  process.stderr.write(`schema engine panicked: ${message}\n`);
}

function adapterFactory(database: Database): SqlMigrationAwareDriverAdapterFactory {
  if (database.provider === 'sqlite') return sqliteFactory(database.file);
  return postgresFactory(database.url);
}

function sqliteFactory(file: string): SqlMigrationAwareDriverAdapterFactory {
  const factory = new PrismaBetterSqlite3({ url: file });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => factory.connect(),
    async connectToShadowDb() {
      // An in-memory database. The engine replays each migration file on it as one executeRaw
      // call, and better-sqlite3 prepares one statement at a time: run scripts through exec.
      const shadow = await factory.connectToShadowDb();
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => {
        if (query.args.length > 0) return executeRaw(query);
        await shadow.executeScript(query.sql);
        return 0;
      };
      return shadow;
    },
  };
}

function postgresFactory(url: string): SqlMigrationAwareDriverAdapterFactory {
  return {
    provider: 'postgres',
    adapterName: '@prisma/adapter-pg',
    connect: () => connectPostgres(url),
    async connectToShadowDb() {
      // Not adapter-pg's own: it keeps the connection string, whose database name wins over the
      // shadow's, so the history would be replayed on the main database.
      const admin = await connectPostgres(url);
      const name = `netdojo_shadow_${randomUUID().replaceAll('-', '')}`;
      try {
        await admin.executeScript(`CREATE DATABASE "${name}"`);
        const shadow = await connectPostgres(withDatabase(url, name));
        const dispose = shadow.dispose.bind(shadow);
        shadow.dispose = async () => {
          await dispose();
          await admin.executeScript(`DROP DATABASE "${name}"`);
          await admin.dispose();
        };
        return shadow;
      } catch (error) {
        await admin.dispose();
        throw error;
      }
    },
  };
}

function connectPostgres(url: string): Promise<SqlDriverAdapter> {
  const pool = new pg.Pool({ connectionString: url });
  pool.on('connect', decodeCharAsText);
  return new PrismaPg(pool, { disposeExternalPool: true }).connect();
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

// adapter-pg 7.10 rejects PostgreSQL's one-byte "char" type, which the engine's catalogue
// queries return (pg_class.relkind and the like). pg already reads it as a string: label it text.
const CHAR_OID = 18;
const TEXT_OID = 25;

function decodeCharAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const relabel = (result: unknown) => {
    for (const field of (result as Partial<pg.QueryResult> | undefined)?.fields ?? []) {
      if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    }
    return result;
  };
  Object.assign(client, {
    query(...args: unknown[]) {
      const callback = args.at(-1);
      if (typeof callback === 'function') {
        return query(...args.slice(0, -1), (error: unknown, result: unknown) => callback(error, relabel(result)));
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(relabel) : pending;
    },
  });
}

// Keeps every connection the engine opens, so that closing the session closes them all
// whether or not the engine disposed of them itself.
class OwnedAdapters implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider: SqlMigrationAwareDriverAdapterFactory['provider'];
  readonly adapterName: string;
  readonly #factory: SqlMigrationAwareDriverAdapterFactory;
  readonly #open = new Set<SqlDriverAdapter>();

  constructor(factory: SqlMigrationAwareDriverAdapterFactory) {
    this.#factory = factory;
    this.provider = factory.provider;
    this.adapterName = factory.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return this.#own(await this.#factory.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return this.#own(await this.#factory.connectToShadowDb());
  }

  async dispose(): Promise<void> {
    await Promise.all([...this.#open].map((adapter) => adapter.dispose()));
  }

  #own(adapter: SqlDriverAdapter): SqlDriverAdapter {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (this.#open.delete(adapter)) await dispose();
    };
    this.#open.add(adapter);
    return adapter;
  }
}
