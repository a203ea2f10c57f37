// The instructor's path in Debian's Chromium against a real Netdojo on the real engine: create a
// class, a student joins by its link, the instructor assigns a lab, the student solves half of it
// in the terminal and submits, the instructor sees the student's row in the matrix and downloads
// the CSV. Another instructor sees neither the class nor the student's run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { loadLab } from '../../lib/labs/loader';
import { renderLab } from '../../lib/labs/params';
import { apiClient, launchChromium, signUp, startNetdojo, type Netdojo } from './harness';

let netdojo: Netdojo;
let browser: Browser;
let teacher: Page;
let student: Page;
let studentEmail = '';
let runId = '';
let assignmentUrl = '';

function addInstructor(email: string, password: string) {
  const cli = spawnSync('node_modules/.bin/tsx', ['cli/netdojo.ts', 'user', 'add', email, '--role', 'instructor', '--password-stdin'], {
    input: `${password}\n`,
    env: { ...process.env, DATABASE_URL: `file:${netdojo.dataDir}/netdojo.db`, NETDOJO_DATA_DIR: netdojo.dataDir },
    encoding: 'utf8',
  });
  assert.equal(cli.status, 0, cli.stderr);
}

before(async () => {
  [netdojo, browser] = await Promise.all([startNetdojo(), launchChromium()]);
  addInstructor('teacher@example.com', 'teaching is fun');
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  teacher = await context.newPage();
  await teacher.goto(`${netdojo.url}/sign-in`);
  await teacher.getByLabel('Email').fill('teacher@example.com');
  await teacher.getByLabel('Password').fill('teaching is fun');
  await teacher.getByRole('button', { name: 'Sign in' }).click();
  await teacher.waitForURL(`${netdojo.url}/`);
  const signed = await signUp(await browser.newContext({ viewport: { width: 1440, height: 900 } }), netdojo.url, 'Pupil');
  student = signed.page;
  studentEmail = signed.email;
  for (const page of [teacher, student]) page.on('dialog', (dialog) => void dialog.accept());
});

after(async () => {
  await browser?.close();
  await netdojo?.stop();
});

describe('an instructor and a class in the browser', { timeout: 600_000 }, () => {
  it('creates a class; a student joins by its link', async () => {
    await teacher.goto(`${netdojo.url}/classes`);
    await teacher.getByLabel('New class').fill('Networking 101');
    await teacher.getByRole('button', { name: 'Create' }).click();
    await teacher.waitForURL(/\/classes\/[a-z0-9]+$/);
    const link = (await teacher.getByTestId('join-link').textContent())!;
    const path = new URL(link).pathname;
    await student.goto(`${netdojo.url}${path}`);
    await student.getByRole('button', { name: 'Join Networking 101' }).click();
    await student.waitForURL(`${netdojo.url}/`);
    await teacher.reload();
    await teacher.getByText(studentEmail).waitFor();
  });

  it('assigns a lab; the student solves half of it and submits', async () => {
    await teacher.getByLabel('Lab').selectOption('netns-veth');
    await teacher.getByRole('button', { name: 'Assign' }).click();
    await teacher.getByRole('link', { name: 'Progress' }).waitFor();
    assignmentUrl = (await teacher.getByRole('link', { name: 'Progress' }).getAttribute('href'))!;

    await student.reload();
    await student.getByTestId('assignments').getByRole('link', { name: /veth pair/ }).click();
    await student.getByRole('button', { name: 'Start lab' }).click();
    await student.waitForURL(/\/runs\/[a-z0-9]+$/);
    runId = student.url().split('/').pop()!;
    await student.locator('.terminal-pane[data-status="connected"]').waitFor({ timeout: 90_000 });
    const run = (await (await student.request.get(`${netdojo.url}/api/runs/${runId}`)).json()) as { params: Record<string, string> };
    const lab = renderLab((await loadLab('labs/netns-veth')).lab!, run.params);
    const lines = ['namespaces', 'veth'].flatMap((id) => lab.tasks.find((t) => t.id === id)!.solution.script.trim().split('\n'));
    await student.locator('.work-pane:not([hidden]) .xterm-helper-textarea').focus();
    for (const line of [...lines, 'echo half-$((2+2))']) {
      await student.keyboard.type(line);
      await student.keyboard.press('Enter');
    }
    await student.waitForFunction(() => /half-4/.test(document.querySelector('.work-pane:not([hidden]) .xterm-rows')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await student.getByTestId('submit').click();
    await student.getByText('Submitted to Networking 101').waitFor({ timeout: 60_000 });
    await student.goto(netdojo.url);
    const half = lab.tasks.filter((t) => t.id === 'namespaces' || t.id === 'veth').reduce((sum, t) => sum + t.points, 0);
    await student.getByTestId('assignments').getByText(new RegExp(`submitted ${half} / \\d+`)).waitFor();
  });

  it('shows the instructor the student\'s row and the CSV', async () => {
    await teacher.goto(`${netdojo.url}${assignmentUrl}`);
    const row = teacher.locator(`[data-student="${studentEmail}"]`);
    await row.waitFor();
    assert.equal(await row.locator('[data-status="passed"]').count(), 2);
    assert.equal(await row.locator('[data-status="failed"]').count(), 3);
    const href = (await teacher.getByTestId('csv').getAttribute('href'))!;
    const csv = await teacher.request.get(`${netdojo.url}${href}`);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-disposition'] ?? '', /attachment; filename="Networking_101-netns-veth\.csv"/);
    const lines = (await csv.text()).trimEnd().split('\r\n');
    assert.match(lines[0]!, /^name,email,score,max_score,submitted_at,late,task:namespaces,task:veth/);
    const lab = (await loadLab('labs/netns-veth')).lab!;
    const points = (id: string) => lab.tasks.find((t) => t.id === id)!.points;
    assert.match(lines.find((l) => l.includes(studentEmail))!, new RegExp(`^Pupil,[^,]+,${points('namespaces') + points('veth')},\\d+,[^,]+,false,passed:${points('namespaces')},passed:${points('veth')},failed:0,failed:0,failed:0$`));
  });

  it('replays the student\'s terminal to the marker of the Check', async () => {
    await teacher.goto(`${netdojo.url}${assignmentUrl}`);
    await teacher.locator(`[data-student="${studentEmail}"]`).getByTestId('replay-link').click();
    await teacher.waitForURL(/\/runs\/[a-z0-9]+\/replay/);
    await teacher.locator('[data-testid="replay"] .ap-player, [data-testid="replay"] .ap-wrapper').first().waitFor({ timeout: 30_000 });
    const marker = teacher.getByTestId('marker-0');
    assert.match((await marker.textContent()) ?? '', /^Check \d+\/\d+$/);
    await marker.click();
    await teacher.getByTestId('replay-at').waitFor();
    // The recording holds what the student typed and what the shell printed.
    const cast = await teacher.request.get(`${netdojo.url}/api/runs/${runId}/recordings/node01-0.cast`);
    assert.equal(cast.status(), 200);
    const events = (await cast.text()).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as [number, string, string]);
    // Keystrokes arrive one by one: the typed text is the input events put together.
    const typed = events.filter(([, code]) => code === 'i').map(([, , data]) => data).join('');
    assert.match(typed, /echo half-\$\(\(2\+2\)\)\r/, 'input is recorded');
    assert.ok(events.filter(([, code]) => code === 'o').map(([, , data]) => data).join('').includes('half-4'), 'output is recorded');
    assert.ok(events.some(([, code, data]) => code === 'm' && /^Check /.test(data)), 'the Check is marked');
  });

  it('keeps another instructor out of the class and the student\'s run', async () => {
    addInstructor('other-teacher@example.com', 'another long password');
    const other = await apiClient(netdojo.url, 'other-teacher@example.com', { signUp: false, password: 'another long password' });
    const taught = (await (await teacher.request.get(`${netdojo.url}/api/classes`)).json()) as { id: string }[];
    const classId = taught[0]!.id;
    assert.equal((await other.call('GET', `/api/classes/${classId}`)).status, 404);
    assert.equal((await other.call('GET', `/api/runs/${runId}`)).status, 404);
    assert.equal((await other.call('GET', `${assignmentUrl.replace('/assignments/', '/api/assignments/')}/matrix`)).status, 404);
    assert.equal((await other.call('GET', '/api/classes')).body.length, 0);
    assert.equal((await other.call('GET', `/api/runs/${runId}/recordings`)).status, 404);
    assert.equal((await other.call('GET', `/api/runs/${runId}/recordings/node01-0.cast`)).status, 404);
  });
});
