import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { readEnv } from './env';

test('defaults to port 3000 and a SQLite file in ./data', () => {
  const env = readEnv({});

  assert.equal(env.port, 3000);
  assert.equal(env.dataDir, resolve('data'));
  assert.deepEqual(env.database, {
    provider: 'sqlite',
    url: `file:${resolve('data', 'netdojo.db')}`,
    file: resolve('data', 'netdojo.db'),
  });
});

test('keeps the default database in NETDOJO_DATA_DIR', () => {
  const env = readEnv({ NETDOJO_DATA_DIR: '/var/lib/netdojo' });

  assert.deepEqual(env.database, {
    provider: 'sqlite',
    url: 'file:/var/lib/netdojo/netdojo.db',
    file: '/var/lib/netdojo/netdojo.db',
  });
});

test('resolves a relative file: URL against the working directory', () => {
  const { database } = readEnv({ DATABASE_URL: 'file:./tmp/x.db' });

  assert.equal(database.provider === 'sqlite' && database.file, join(process.cwd(), 'tmp', 'x.db'));
});

test('a postgres:// or postgresql:// URL selects PostgreSQL', () => {
  for (const url of ['postgres://u@db/netdojo', 'postgresql://u:p@db:5432/netdojo?sslmode=require']) {
    assert.deepEqual(readEnv({ DATABASE_URL: url }).database, { provider: 'postgresql', url });
  }
});

test('rejects other database URLs and bad ports, naming the variable', () => {
  assert.throws(() => readEnv({ DATABASE_URL: 'mysql://db/netdojo' }), /DATABASE_URL/);
  assert.throws(() => readEnv({ PORT: 'eighty' }), /PORT/);
});
