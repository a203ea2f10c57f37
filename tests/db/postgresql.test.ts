// The same database and domain tests on PostgreSQL: a throw-away cluster of Debian's PostgreSQL
// on a loopback port, one database per suite, and lib/db.test.ts and lib/runs.test.ts run
// against it through NETDOJO_TEST_DATABASE_URL. (npm test installs Debian's postgresql.)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a)) : [];
const bin = (tool: string) => join('/usr/lib/postgresql', versions[0] ?? 'missing', 'bin', tool);
const dir = mkdtempSync(join(tmpdir(), 'netdojo-pg-'));
let port = 0;

function asPostgres(args: string[]) {
  const result = spawnSync('runuser', ['-u', 'postgres', '--', ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, `${args.join(' ')}:\n${result.stdout}${result.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

before(async () => {
  assert.ok(versions.length > 0, "Debian's postgresql is not installed (npm test installs it; or apt-get install postgresql)");
  port = await freePort();
  chownSync(dir, Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim()), 0);
  asPostgres([bin('initdb'), '-D', join(dir, 'data'), '-A', 'trust', '-U', 'netdojo', '--no-sync']);
  asPostgres([bin('pg_ctl'), '-D', join(dir, 'data'), '-l', join(dir, 'log'), '-w', '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, 'start']);
});

after(() => {
  if (port) spawnSync('runuser', ['-u', 'postgres', '--', bin('pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
  rmSync(dir, { recursive: true, force: true });
});

describe('on PostgreSQL', () => {
  for (const suite of ['lib/db.test.ts', 'lib/runs.test.ts', 'lib/exams/attempts.test.ts']) {
    it(`${suite} passes`, () => {
      const database = `netdojo_${suite.replace(/\W+/g, '_')}`;
      asPostgres([bin('createdb'), '-h', '127.0.0.1', '-p', String(port), '-U', 'netdojo', database]);
      // Without NODE_TEST_CONTEXT: a test runner started inside a test file would otherwise
      // report to its parent in a binary format instead of running as a suite of its own.
      const { NODE_TEST_CONTEXT: _, ...env } = process.env;
      const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=dot', suite], {
        env: { ...env, NETDOJO_TEST_DATABASE_URL: `postgresql://netdojo@127.0.0.1:${port}/${database}` },
        encoding: 'utf8',
      });
      assert.equal(result.status, 0, `${suite} failed on PostgreSQL:\n${result.stdout}${result.stderr}`);
      assert.match(result.stdout, /\.{3,}/, `${suite} ran no tests:\n${result.stdout}`);
    });
  }
});
