// The server as an operator sees it, over HTTP against a real Netdojo on the real engine:
// accounts and roles (sign-up cannot choose a role; the first admin from the environment or the
// CLI), the run limits with their statuses and messages, forged cross-site requests, and
// restarts: a clean restart keeps live runs and grades, a crash leaves no orphan sandbox.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { DockerDriver } from '../../sandbox/docker';
import { apiClient, openTerminalSocket, readUntil, startNetdojo, waitForRun, type Netdojo } from './harness';

const ADMIN = { email: 'root-admin@example.com', password: 'an admin password' };
const env = { NETDOJO_ADMIN_EMAIL: ADMIN.email, NETDOJO_ADMIN_PASSWORD: ADMIN.password, NETDOJO_RUNS_PER_USER: '1', NETDOJO_CAPACITY: '1', NETDOJO_AUTH_ATTEMPTS_PER_MINUTE: '200' };

let netdojo: Netdojo;
const live: { client: Awaited<ReturnType<typeof apiClient>>; runId: string }[] = [];

before(async () => {
  netdojo = await startNetdojo(env);
});

after(async () => {
  for (const { client, runId } of live) await client.call('DELETE', `/api/runs/${runId}`).catch(() => {});
  await netdojo?.stop();
});

const session = (client: Awaited<ReturnType<typeof apiClient>>) => client.call('GET', '/api/auth/get-session');

describe('accounts', () => {
  it('sign-up makes a student, whatever role the request asks for', async () => {
    const res = await fetch(`${netdojo.url}/api/auth/sign-up/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: netdojo.url },
      body: JSON.stringify({ email: 'sneaky@example.com', password: 'correct horse battery', name: 'Sneaky', role: 'admin' }),
    });
    if (res.ok) {
      const client = await apiClient(netdojo.url, 'sneaky@example.com', { signUp: false });
      assert.equal((await session(client)).body.user.role, 'student');
    } else {
      assert.equal(res.status, 400, 'refused as a bad request, not a server error');
    }
    const student = await apiClient(netdojo.url, `student-${Date.now()}@example.com`);
    assert.equal((await session(student)).body.user.role, 'student');
  });

  it('refuses a wrong password and a signed-out API call', async () => {
    await apiClient(netdojo.url, 'pat@example.com');
    await assert.rejects(apiClient(netdojo.url, 'pat@example.com', { signUp: false, password: 'not the password' }), /401/);
    const res = await fetch(`${netdojo.url}/api/runs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"labId":"netns-veth"}' });
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'Unauthenticated');
  });

  it('creates the first admin from NETDOJO_ADMIN_EMAIL/PASSWORD, and instructors from the CLI', async () => {
    const admin = await apiClient(netdojo.url, ADMIN.email, { signUp: false, password: ADMIN.password });
    assert.equal((await session(admin)).body.user.role, 'admin');
    const cli = spawnSync('node_modules/.bin/tsx', ['cli/netdojo.ts', 'user', 'add', 'teacher@example.com', '--role', 'instructor', '--password-stdin'], {
      input: 'teaching is fun\n',
      env: { ...process.env, DATABASE_URL: `file:${netdojo.dataDir}/netdojo.db`, NETDOJO_DATA_DIR: netdojo.dataDir },
      encoding: 'utf8',
    });
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /teacher@example.com is an instructor/);
    const teacher = await apiClient(netdojo.url, 'teacher@example.com', { signUp: false, password: 'teaching is fun' });
    assert.equal((await session(teacher)).body.user.role, 'instructor');
  });
});

describe('limits and bad requests (one run per user, capacity one)', () => {
  it('answer with a status and a message a student understands', async () => {
    const ada = await apiClient(netdojo.url, `ada-${Date.now()}@example.com`);
    const bob = await apiClient(netdojo.url, `bob-${Date.now()}@example.com`);
    const first = await ada.call('POST', '/api/runs', { labId: 'netns-veth' });
    assert.equal(first.status, 201, JSON.stringify(first.body));
    live.push({ client: ada, runId: first.body.id });

    const again = await ada.call('POST', '/api/runs', { labId: 'netns-veth' });
    assert.equal(again.status, 409);
    assert.equal(again.body.error.code, 'ActiveRunExists');
    assert.equal(again.body.error.runId, first.body.id);

    const other = await ada.call('POST', '/api/runs', { labId: 'linux-bridge' });
    assert.equal(other.status, 429);
    assert.match(other.body.error.message, /End one of them first/);

    const busy = await bob.call('POST', '/api/runs', { labId: 'netns-veth' });
    assert.equal(busy.status, 503);
    assert.equal(busy.body.error.message, 'All sandboxes are busy, try again in a minute.');

    assert.equal((await bob.call('POST', '/api/runs', { labId: 'no-such-lab' })).status, 404);
    assert.equal((await bob.call('POST', '/api/runs', { nonsense: true })).status, 400);
    assert.equal((await bob.call('GET', `/api/runs/${first.body.id}`)).status, 404);
    const forged = await fetch(`${netdojo.url}/api/runs/${first.body.id}`, { method: 'DELETE', headers: { cookie: ada.cookie, origin: 'http://evil.example' } });
    assert.equal(forged.status, 403);
    const run = await waitForRun(ada, first.body.id);
    assert.equal(run.status, 'ready', 'the forged DELETE did not end the run');
    // A file outside the node's paths, and a relative one, are refused, not served.
    assert.equal((await ada.call('GET', `/api/runs/${first.body.id}/files?node=node01&path=etc/passwd`)).status, 400);
    assert.equal((await ada.call('GET', `/api/runs/${first.body.id}/files?node=node99&path=/etc/hosts`)).status, 404);
  });
});

describe('restarts', () => {
  it('a clean restart keeps the live run, its sandbox, its grades and its shell', async () => {
    const { client, runId } = live[0]!;
    const grade = await client.call('POST', `/api/runs/${runId}/check`);
    assert.equal(grade.status, 200);
    assert.equal(grade.body.score, 0);

    await netdojo.stop({ keepData: true });
    netdojo = await startNetdojo(env, netdojo);
    // Same database, same session cookie: the new process serves the old run.
    assert.equal((await client.call('GET', `/api/runs/${runId}`)).body.status, 'ready');
    assert.equal((await client.call('POST', `/api/runs/${runId}/check`)).status, 200, 'the sandbox survived: grading reaches it');
    const sqlite = new Database(`${netdojo.dataDir}/netdojo.db`, { readonly: true });
    const grades = sqlite.prepare('SELECT count(*) AS n FROM Grade WHERE runId = ?').get(runId) as { n: number };
    sqlite.close();
    assert.equal(grades.n, 2, 'the grade from before the restart is kept beside the new one');
    const shell = await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, { cookie: client.cookie, origin: netdojo.url });
    assert.equal(shell.status, 101);
    const output = readUntil(shell, /alive-7/);
    shell.socket!.send(JSON.stringify({ type: 'input', data: 'echo alive-$((3+4))\r' }));
    await output;
    shell.socket!.close();
  });

  it('a crash mid-creation leaves a failed run and no orphan sandbox after the next start', async () => {
    const { client, runId } = live.pop()!;
    assert.equal((await client.call('DELETE', `/api/runs/${runId}`)).status, 200);
    await netdojo.stop();
    // A lab whose setup sleeps a minute: the crash is sure to land while the run is created.
    const slow = { ...env, NETDOJO_LABS_DIR: 'tests/web/fixtures/labs' };
    netdojo = await startNetdojo(slow);
    const carol = await apiClient(netdojo.url, `carol-${Date.now()}@example.com`);
    const started = await carol.call('POST', '/api/runs', { labId: 'slow-setup' });
    assert.equal(started.status, 201, JSON.stringify(started.body));
    for (let stage = ''; !stage.startsWith('running setup'); await new Promise((r) => setTimeout(r, 200))) {
      stage = (await carol.call('GET', `/api/runs/${started.body.id}`)).body.stage;
    }
    assert.ok((await new DockerDriver().listRuns()).some((r) => r.id === started.body.id), 'the sandbox exists before the crash');
    await netdojo.kill();

    netdojo = await startNetdojo(slow, netdojo);
    const run = (await carol.call('GET', `/api/runs/${started.body.id}`)).body as { status: string; error: string };
    assert.equal(run.status, 'failed');
    assert.match(run.error, /server restarted while this sandbox was being created/);
    assert.ok(!(await new DockerDriver().listRuns()).some((r) => r.id === started.body.id), 'the half-made sandbox was removed at start');
  });
});
