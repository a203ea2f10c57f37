// A short timed exam end to end in Debian's Chromium against a real Netdojo on the real engine:
// start it, open two questions, solve one in the terminal, flag the other, close the browser,
// let the deadline pass with no browser open, and find the graded result on the results page.
// A retake then draws other names and addresses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadLab } from '../../lib/labs/loader';
import { renderLab } from '../../lib/labs/params';
import { launchChromium, signUp, startNetdojo, type Netdojo } from './harness';

let netdojo: Netdojo;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let attemptId = '';
let firstParams: Record<string, string> = {};

before(async () => {
  [netdojo, browser] = await Promise.all([startNetdojo(), launchChromium()]);
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = (await signUp(context, netdojo.url, 'Examinee')).page;
});

after(async () => {
  await browser?.close();
  await netdojo?.stop();
});

async function attempt(id: string) {
  return (await (await page.request.get(`${netdojo.url}/api/attempts/${id}`)).json()) as {
    status: string;
    questions: { id: string; runId: string | null; status: string; flagged: boolean }[];
  };
}

async function terminalShows(pattern: RegExp) {
  await page.waitForFunction(
    ([source]) => new RegExp(source!).test(document.querySelector('.work-pane:not([hidden]) .xterm-rows')?.textContent ?? ''),
    [pattern.source],
    { timeout: 30_000 },
  );
}

describe('a timed exam in the browser', { timeout: 600_000 }, () => {
  it('opens two questions, solves one in the terminal and flags the other', async () => {
    await page.goto(`${netdojo.url}/exams`);
    await page.getByRole('link', { name: /First try/ }).click();
    await page.getByRole('button', { name: 'Start the timed exam' }).click();
    await page.waitForURL(/\/attempts\/[a-z0-9]+$/);
    attemptId = page.url().split('/').pop()!;
    await page.getByTestId('exam-timer').waitFor();

    // Question 1: its sandbox starts when opened; solve it in its terminal.
    await page.locator('[data-question="veth-pair"]').click();
    await page.getByTestId('open-question').click();
    await page.locator('.terminal-pane[data-status="connected"]').waitFor({ timeout: 90_000 });
    const runId = (await attempt(attemptId)).questions.find((q) => q.id === 'veth-pair')!.runId!;
    const run = (await (await page.request.get(`${netdojo.url}/api/runs/${runId}`)).json()) as { params: Record<string, string> };
    firstParams = run.params;
    const lab = renderLab((await loadLab('labs/netns-veth')).lab!, run.params);
    const lines = ['namespaces', 'veth', 'addresses'].flatMap((id) => lab.tasks.find((t) => t.id === id)!.solution.script.trim().split('\n'));
    await page.locator('.work-pane:not([hidden]) .xterm-helper-textarea').focus();
    for (const line of [...lines, 'echo solved-$((20+1))']) {
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await terminalShows(/solved-21/);
    // No Check and no hints in a timed exam.
    assert.equal(await page.getByTestId('check').count(), 0);
    await page.getByTestId('answered-question').click();
    await page.locator('[data-question="veth-pair"][data-status="answered"]').waitFor();

    // Question 2: opened (its own sandbox), flagged for review, not solved.
    await page.locator('[data-question="bridge"]').click();
    await page.getByTestId('open-question').click();
    await page.getByTestId('flag-question').click();
    await page.locator('[data-question="bridge"][data-flagged="true"]').waitFor();
    await page.getByTestId('notepad').fill('bridge: come back to it');
    await page.getByText('saved', { exact: true }).waitFor();

    const state = await attempt(attemptId);
    assert.ok(state.questions.find((q) => q.id === 'bridge')!.runId, 'the second question has its own sandbox');
    assert.equal(state.questions.filter((q) => q.runId).length, 2, 'unopened questions have none');
  });

  it('is graded by the server at the deadline with the browser closed', async () => {
    const cookies = await context.cookies();
    await context.close();
    // Bring the deadline to now: the server's sweep (every 5 s) grades with nobody watching.
    const db = new Database(`${netdojo.dataDir}/netdojo.db`);
    // In the text form Prisma's SQLite adapter writes, so that its comparisons still hold.
    db.prepare('UPDATE ExamAttempt SET deadline = ? WHERE id = ?').run(new Date(Date.now() - 1000).toISOString().replace('Z', '+00:00'), attemptId);
    db.close();
    const deadline = Date.now() + 60_000;
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addCookies(cookies);
    page = await context.newPage();
    while ((await attempt(attemptId)).status !== 'graded') {
      assert.ok(Date.now() < deadline, 'graded within a minute of the deadline');
      await new Promise((r) => setTimeout(r, 1000));
    }

    await page.goto(`${netdojo.url}/attempts/${attemptId}`);
    await page.waitForURL(/\/results$/);
    const results = page.getByTestId('exam-results');
    await results.waitFor();
    const solved = page.locator('[data-question="veth-pair"]');
    assert.match((await solved.locator('.score').first().textContent()) ?? '', /^2 \/ 2$/);
    assert.equal(await solved.locator('[data-status="passed"]').count(), 3);
    const flagged = page.locator('[data-question="bridge"]');
    assert.match((await flagged.locator('h3').textContent()) ?? '', /flagged/);
    assert.match((await flagged.locator('.score').first().textContent()) ?? '', /^0 \/ 3$/);
    const message = (await page.getByTestId('message-bridge-bridge').textContent()) ?? '';
    assert.ok(message.length > 10, `the failed task says what is wrong: "${message}"`);
    assert.match((await page.locator('[data-question="gateway"]').textContent()) ?? '', /Not started/);
    assert.match((await page.locator('.events').textContent()) ?? '', /deadline/);
    // The sandboxes went with the exam.
    const runs = await Promise.all((await attempt(attemptId)).questions.filter((q) => q.runId).map(async (q) => (await (await page.request.get(`${netdojo.url}/api/runs/${q.runId}`)).json()) as { status: string }));
    assert.ok(runs.every((r) => r.status === 'ended'), JSON.stringify(runs));
  });

  it('draws other names and addresses for a retake', async () => {
    const started = await page.request.post(`${netdojo.url}/api/exams/first-try/attempts`, { data: { mode: 'timed' }, headers: { origin: netdojo.url } });
    assert.equal(started.status(), 201);
    const retake = (await started.json()) as { id: string };
    const opened = await page.request.post(`${netdojo.url}/api/attempts/${retake.id}/questions/veth-pair`, { data: { action: 'open' }, headers: { origin: netdojo.url } });
    const { runId } = (await opened.json()) as { runId: string };
    const run = (await (await page.request.get(`${netdojo.url}/api/runs/${runId}`)).json()) as { params: Record<string, string> };
    assert.notDeepEqual(run.params, firstParams);
    await page.request.post(`${netdojo.url}/api/attempts/${retake.id}/submit`, { headers: { origin: netdojo.url } });
  });
});
