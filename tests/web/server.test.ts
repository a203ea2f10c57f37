// The server as an operator sees it, over HTTP against a real Netdojo on the real engine:
// accounts and roles (sign-up cannot choose a role; the first admin from the environment or the
// CLI), the run limits with their statuses and messages, forged cross-site requests, and
// restarts: a clean restart keeps live runs and grades, a crash leaves no orphan sandbox.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
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

describe('hardening', () => {
  it('sign-up refuses over-long names and addresses and common passwords, with a reason', async () => {
    const signUp = (body: Record<string, string>) =>
      fetch(`${netdojo.url}/api/auth/sign-up/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin: netdojo.url }, body: JSON.stringify(body) });
    const cases = [
      [{ email: `long-${Date.now()}@example.com`, password: 'correct horse battery', name: 'n'.repeat(300) }, /at most 80 characters/],
      [{ email: `${'e'.repeat(300)}@example.com`, password: 'correct horse battery', name: 'Eve' }, /at most 254 characters/],
      [{ email: `common-${Date.now()}@example.com`, password: 'password123', name: 'Pat' }, /common passwords/],
    ] as const;
    for (const [body, message] of cases) {
      const res = await signUp(body);
      assert.equal(res.status, 400, JSON.stringify(body).slice(0, 80));
      assert.match(((await res.json()) as { message: string }).message, message);
    }
  });

  it('refuses a body over the route\'s limit from its Content-Length and while it streams', async () => {
    const send = (path: string, headers: Record<string, string | number>, write: (req: ReturnType<typeof request>) => void) =>
      new Promise<{ status: number; body: string; ms: number }>((done, fail) => {
        const started = Date.now();
        const req = request(`${netdojo.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: netdojo.url, ...headers } }, (res) => {
          let body = '';
          res.on('data', (c) => (body += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body, ms: Date.now() - started }));
        });
        req.on('error', (err) => (/EPIPE|ECONNRESET/.test(err.message) ? undefined : fail(err)));
        write(req);
      });
    // 50 MB announced, nothing sent: the answer comes at once, without reading a byte.
    const announced = await send('/api/runs', { 'content-length': 50 * 1024 * 1024 }, (req) => req.flushHeaders());
    assert.equal(announced.status, 413);
    assert.match(announced.body, /too large/);
    // Chunked, no length: refused once the bytes pass the limit, not after reading them all.
    const user = await apiClient(netdojo.url, `chunky-${Date.now()}@example.com`);
    const streamed = await send('/api/runs', { cookie: user.cookie }, (req) => {
      req.write(`{"labId":"${'x'.repeat(64 * 1024)}`);
      const more = setInterval(() => (req.destroyed ? clearInterval(more) : req.write('x'.repeat(64 * 1024))), 50);
      req.on('close', () => clearInterval(more));
    });
    assert.equal(streamed.status, 413);
    const auth = await send('/api/auth/sign-in/email', {}, (req) => req.end(JSON.stringify({ email: 'a@example.com', password: 'p'.repeat(100_000) })));
    assert.equal(auth.status, 413);
  });

  it('pages carry a policy that allows only Netdojo itself, and no framing', async () => {
    const res = await fetch(`${netdojo.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, csp);
    assert.ok((await res.text()).includes(`nonce="${nonce}"`), 'Next puts the nonce on its scripts');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.ok(res.headers.get('referrer-policy'));
    assert.equal(res.headers.get('strict-transport-security'), null, 'no HSTS over plain http');
    const again = await fetch(`${netdojo.url}/`);
    assert.notEqual(/'nonce-([^']+)'/.exec(again.headers.get('content-security-policy') ?? '')?.[1], nonce, 'a fresh nonce per response');
  });

  it('a file request with an odd path gets a plain message, never the engine\'s host paths', async () => {
    const { client, runId } = live[0]!;
    const long = `/root/${'a'.repeat(300)}`;
    const asks = [
      ['GET', `/api/runs/${runId}/files?node=node01&path=${encodeURIComponent(long)}`],
      ['PUT', `/api/runs/${runId}/files`, { node: 'node01', path: long, content: 'x' }],
      ['PUT', `/api/runs/${runId}/files`, { node: 'node01', path: '/etc/hosts/under-a-file', content: 'x' }],
      ['PUT', `/api/runs/${runId}/files`, { node: 'node01', path: '/root/new\nline', content: 'x' }],
    ] as const;
    for (const [method, path, body] of asks) {
      const res = await client.call(method, path, body);
      assert.equal(res.status, 400, `${method} ${path.slice(0, 60)}: ${JSON.stringify(res.body)}`);
      assert.doesNotMatch(JSON.stringify(res.body), /\/var\/lib|overlay2|merged|HTTP code/);
    }
    const odd = await client.call('PUT', `/api/runs/${runId}/files`, { node: 'node01', path: '/root/a?#%b', content: 'fine' });
    assert.equal(odd.status, 200, JSON.stringify(odd.body));
    assert.equal((await client.call('GET', `/api/runs/${runId}/files?node=node01&path=${encodeURIComponent('/root/a?#%b')}`)).body.content, 'fine');
  });

  it('a terminal closes, saying why, when its session signs out', async () => {
    const { client, runId } = live[0]!;
    // A second session of the same student: signing it out must not touch the first.
    const email = ((await session(client)).body.user.email) as string;
    const other = await apiClient(netdojo.url, email, { signUp: false });
    const terminal = await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, { cookie: other.cookie, origin: netdojo.url });
    assert.equal(terminal.status, 101);
    const closed = new Promise<{ code: number; message: string }>((done) => {
      let message = '';
      terminal.socket!.on('message', (raw) => {
        const frame = JSON.parse(raw.toString()) as { type: string; message?: string };
        if (frame.type === 'error') message = frame.message ?? '';
      });
      terminal.socket!.on('close', (code) => done({ code, message }));
    });
    const out = await other.call('POST', '/api/auth/sign-out', {});
    assert.equal(out.status, 200, JSON.stringify(out.body));
    const { code, message } = await closed;
    assert.equal(code, 4001);
    assert.match(message, /signed out/);
    assert.equal((await session(client)).body?.user?.email, email, 'the other session is still signed in');
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
    const after = await client.call('POST', `/api/runs/${runId}/check`);
    assert.equal(after.status, 200, `the sandbox survived: grading reaches it (${JSON.stringify(after.body)})`);
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
    for (let stage = ''; stage !== 'setup'; await new Promise((r) => setTimeout(r, 200))) {
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
