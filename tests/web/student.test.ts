// The whole student path in Debian's Chromium against a real Netdojo server and the real sandbox
// engine: sign up, read a lesson and answer its quiz, start netns-veth, solve it in the terminal
// and the editor, Check, every task passes. Then the terminal's guards: another student, a foreign
// origin, no session. Screenshots of the catalogue, a lesson and the player go to
// artifacts/screenshots/ (not committed).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { loadLab } from '../../lib/labs/loader';
import { renderLab } from '../../lib/labs/params';
import { cookieHeader, launchChromium, openTerminalSocket, readUntil, signUp, startNetdojo, type Netdojo } from './harness';

const SHOTS = 'artifacts/screenshots';
const LESSON = { slug: 'interfaces-and-switching', quiz: 'content/01-linux-networking/interfaces-and-switching.quiz.yaml' };

let netdojo: Netdojo;
let browser: Browser;
let student: { context: BrowserContext; page: Page };
let runId = '';
/** Every URL the student's browser asked for: all must be Netdojo's own (no CDN, no fonts). */
const requested = new Set<string>();
/** What the Content-Security-Policy blocked: must stay empty, or the policy broke the app. */
const blocked: string[] = [];

before(async () => {
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  [netdojo, browser] = await Promise.all([startNetdojo(), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  context.on('request', (request) => requested.add(request.url()));
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  student = { context, page: (await signUp(context, netdojo.url, 'Ada')).page };
});

after(async () => {
  if (runId) await student.page.request.delete(`${netdojo.url}/api/runs/${runId}`).catch(() => {});
  await browser?.close();
  await netdojo?.stop();
});

/** The terminal's visible text (xterm's DOM renderer). */
async function terminalText(page: Page): Promise<string> {
  return (await page.locator('.work-pane:not([hidden]) .xterm-rows').textContent()) ?? '';
}

async function typeInTerminal(page: Page, lines: string[]) {
  await page.locator('.work-pane:not([hidden]) .xterm-helper-textarea').focus();
  for (const line of lines) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  }
}

async function waitForTerminal(page: Page, pattern: RegExp, timeout = 20_000) {
  try {
    await page.waitForFunction(
      ([source, flags]) => new RegExp(source!, flags).test(document.querySelector('.work-pane:not([hidden]) .xterm-rows')?.textContent ?? ''),
      [pattern.source, pattern.flags],
      { timeout },
    );
  } catch (err) {
    await page.screenshot({ path: `${SHOTS}/failure-terminal.png` });
    throw new Error(`${pattern} never appeared in the terminal, which shows:\n${await terminalText(page)}`, { cause: err });
  }
}

describe('a student in the browser', { timeout: 600_000 }, () => {
  it('sees the catalogue of six modules', async () => {
    const { page } = student;
    await page.goto(netdojo.url);
    await page.getByRole('heading', { name: 'Learn Kubernetes networking by building it.' }).waitFor();
    assert.ok((await page.locator('.module-card').count()) >= 2);
    await page.getByRole('link', { name: 'Connect two network namespaces with a veth pair' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/catalogue.png` });
  });

  it('reads a lesson with its diagram and real output, and passes its quiz (saved on the server)', async () => {
    const { page } = student;
    await page.goto(`${netdojo.url}/lessons/${LESSON.slug}`);
    await page.locator('article.lesson h1').waitFor();
    // Diagrams load from Netdojo itself.
    const diagram = page.locator('.prose figure img').first();
    await diagram.scrollIntoViewIfNeeded();
    assert.ok(await diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), 'the diagram loaded');
    assert.ok((await page.locator('.prose .shiki, .prose .capture').count()) > 0, 'code is highlighted on the server');
    await page.screenshot({ path: `${SHOTS}/lesson.png` });

    // The key comes only with a genuine attempt: nothing is submitted until every question has an answer.
    const quiz = parse(readFileSync(LESSON.quiz, 'utf8')) as { questions: { id: string; kind: string; answer?: number[]; accept?: string[]; options?: string[] }[] };
    const total = quiz.questions.length;
    const submit = page.getByRole('button', { name: /Submit/ });
    assert.ok(await submit.isDisabled(), 'an empty quiz cannot be submitted');
    await page.getByText(`0 of ${total} answered`).waitFor();
    const answer = async (q: (typeof quiz.questions)[number], right: boolean) => {
      const box = page.locator(`[data-question="${q.id}"]`);
      if (q.kind === 'text') return box.locator('input').fill(right ? q.accept![0]! : 'not the answer');
      const wrong = q.options!.findIndex((_, i) => !q.answer!.includes(i));
      for (const [i] of q.options!.entries()) {
        const input = box.locator('input').nth(i);
        const pick = right ? q.answer!.includes(i) : i === wrong;
        if (pick) await input.check();
        else if (q.kind === 'multiple') await input.uncheck();
      }
    };
    // One wrong answer first: the verdicts must come from the server's key, not the page.
    for (const [n, q] of quiz.questions.entries()) await answer(q, n !== 0);
    await page.getByRole('button', { name: 'Submit answers' }).click();
    await page.getByTestId('quiz-score').waitFor();
    assert.match((await page.getByTestId('quiz-score').textContent()) ?? '', new RegExp(`Score: ${total - 1} / ${total}`));

    // A retake straight away is refused with the time to wait; after it, the retake counts.
    await answer(quiz.questions[0]!, true);
    await page.getByRole('button', { name: 'Submit again' }).click();
    await page.getByRole('alert').filter({ hasText: /submit again in \d+ s/ }).waitFor();
    await page.waitForTimeout(10_000);
    await page.getByRole('button', { name: 'Submit again' }).click();
    await page.getByText(`Score: ${total} / ${total}`).waitFor();

    // Saved: a reload shows the graded attempt, and the catalogue shows the score.
    await page.reload();
    await page.getByText(`Score: ${quiz.questions.length} / ${quiz.questions.length}`).waitFor();
    await page.goto(netdojo.url);
    await page.getByText(`quiz ${quiz.questions.length}/${quiz.questions.length}`).waitFor();
  });

  it('starts netns-veth, solves it in the terminal and the editor, and every task passes', async () => {
    const { page } = student;
    await page.goto(`${netdojo.url}/labs/netns-veth`);
    await page.getByRole('button', { name: 'Start lab' }).click();
    await page.waitForURL(/\/runs\/[a-z0-9]+$/);
    runId = page.url().split('/').pop()!;
    // The start shows its stages, then the terminal of node01 connects.
    await page.locator('.terminal-pane[data-status="connected"]').waitFor({ timeout: 90_000 });

    const run = (await (await page.request.get(`${netdojo.url}/api/runs/${runId}`)).json()) as { params: Record<string, string> };
    const lab = renderLab((await loadLab('labs/netns-veth')).lab!, run.params);
    const solution = (id: string) => lab.tasks.find((t) => t.id === id)!.solution.script.trim().split('\n');

    // Before any work, Check fails every task, with a message.
    await page.getByTestId('check').click();
    await page.locator('[data-task="namespaces"][data-status="failed"]').waitFor({ timeout: 60_000 });
    assert.ok(((await page.getByTestId('message-namespaces').textContent()) ?? '').length > 5);

    await typeInTerminal(page, [...solution('namespaces'), ...solution('veth'), ...solution('addresses'), 'echo typed-$((6*7))']);
    await waitForTerminal(page, /typed-42/);

    // Underscores are drawn: a row of them must put ink on the screen (xterm once clipped the glyph
    // below the row at the default line height, so `_http._tcp` read as ` http. tcp`).
    await typeInTerminal(page, ["printf '%s\\n' ________________________________"]);
    const row = page.locator('.work-pane:not([hidden]) .xterm-rows > div').filter({ hasText: /^_{32}\s*$/ }).last();
    await row.waitFor();
    const box = (await row.boundingBox())!;
    const shot = await page.screenshot({ clip: { x: box.x, y: box.y, width: Math.min(box.width, 400), height: box.height } });
    const ink = await page.evaluate(async (png) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let bright = 0;
      // The terminal's background is near black; glyphs are light grey.
      for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! > 300) bright += 1;
      return bright;
    }, shot.toString('base64'));
    assert.ok(ink > 100, `a row of underscores drew only ${ink} light pixels: the glyphs are clipped`);

    // The links-up step is written in the editor, saved into the sandbox, and run from the terminal.
    await page.getByTestId('tab-editor').click();
    await page.getByTestId('editor-path').fill('/root/links-up.sh');
    await page.getByRole('button', { name: 'Open' }).click();
    await page.locator('.code-editor[data-ready="true"]').waitFor({ timeout: 30_000 });
    // A click where the text goes focuses Monaco, whichever input method it uses (EditContext in Chromium).
    await page.locator('.code-editor .monaco-editor .view-lines').click();
    await page.keyboard.insertText(`${solution('links-up').join('\n')}\necho edited-in-monaco\n`);
    // Opened as shell, and Monaco's shell grammar coloured it (several token classes).
    await page.locator('.code-editor[data-language="shell"]').waitFor();
    // The grammar loads on demand, so colouring follows the text by a moment.
    await page.waitForFunction(
      () => new Set([...document.querySelectorAll('.code-editor .view-lines span[class^="mtk"]')].map((s) => s.className)).size > 1,
      undefined,
      { timeout: 15_000 },
    );
    await page.getByTestId('editor-save').click();
    await page.getByText('Saved /root/links-up.sh on node01.').waitFor();
    await page.screenshot({ path: `${SHOTS}/player-editor.png` });

    await page.getByTestId('tab-node01').click();
    await typeInTerminal(page, ['bash /root/links-up.sh']);
    await waitForTerminal(page, /edited-in-monaco/);
    // Only the visible rows are in the DOM: a marker after the pings, not their scrolled output.
    await typeInTerminal(page, [`${solution('ping').join(' && ')} && echo pinged-$((1+1))-ways`]);
    await waitForTerminal(page, /pinged-2-ways/);

    await page.getByTestId('check').click();
    for (const task of lab.tasks) {
      await page.locator(`[data-task="${task.id}"][data-status="passed"]`).waitFor({ timeout: 60_000 });
    }
    const max = lab.tasks.reduce((n, t) => n + t.points, 0);
    assert.equal(await page.getByTestId('score').textContent(), `${max} / ${max} points`);
    await page.getByRole('tab', { name: 'Topology' }).click();
    await page.locator('svg.topology').waitFor();
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await page.screenshot({ path: `${SHOTS}/player.png` });

    // The grade is on the history page.
    const history = await student.context.newPage();
    await history.goto(`${netdojo.url}/history`);
    await history.locator(`tr[data-run="${runId}"]`).getByText(`${max} / ${max}`).waitFor();
    await history.close();
  });

  it('reconnects a dropped terminal to the same shell', async () => {
    const headers = { cookie: await cookieHeader(student.context), origin: netdojo.url };
    const first = await openTerminalSocket(netdojo.url, { run: runId, node: 'node01', tab: '3' }, headers);
    assert.equal(first.status, 101);
    first.socket!.send(JSON.stringify({ type: 'input', data: 'export MARK=$((40+2)); echo set-$MARK\r' }));
    await readUntil(first, /set-42/);
    first.socket!.terminate();

    const again = await openTerminalSocket(netdojo.url, { run: runId, node: 'node01', tab: '3' }, headers);
    assert.equal(again.status, 101);
    const replay = readUntil(again, /still-42/);
    again.socket!.send(JSON.stringify({ type: 'input', data: 'echo still-$MARK\r' }));
    assert.match(await replay, /set-42/, 'the recent output is replayed');
    again.socket!.close();
  });

  it('keeps another student, a foreign origin and a signed-out client out of the terminal', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page: intruder } = await signUp(other, netdojo.url, 'Mallory');
    // The player page and the API answer "not found" for someone else's run.
    const res = await intruder.goto(`${netdojo.url}/runs/${runId}`);
    assert.equal(res?.status(), 404);
    assert.equal((await intruder.request.get(`${netdojo.url}/api/runs/${runId}`)).status(), 404);
    assert.equal((await intruder.request.post(`${netdojo.url}/api/runs/${runId}/check`)).status(), 404);
    // A browser WebSocket from the second student's session does not open.
    const outcome = await intruder.evaluate(async (run) => {
      const url = `${location.origin.replace('http', 'ws')}/ws/terminal?run=${run}&node=node01`;
      return new Promise<string>((done) => {
        const ws = new WebSocket(url);
        ws.onopen = () => done('open');
        ws.onclose = () => done('closed');
      });
    }, runId);
    assert.equal(outcome, 'closed');
    const intruderHeaders = { cookie: await cookieHeader(other), origin: netdojo.url };
    assert.equal((await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, intruderHeaders)).status, 404);
    await other.close();

    const cookie = await cookieHeader(student.context);
    assert.equal((await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, { cookie, origin: 'http://evil.example' })).status, 403);
    assert.equal((await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, { cookie })).status, 403);
    assert.equal((await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, { origin: netdojo.url })).status, 401);
    // The owner with the right origin gets in: the refusals above are not a broken endpoint.
    const owner = await openTerminalSocket(netdojo.url, { run: runId, node: 'node01', tab: '4' }, { cookie, origin: netdojo.url });
    assert.equal(owner.status, 101);
    owner.socket!.close();
  });

  it('loaded everything from Netdojo itself', () => {
    const foreign = [...requested].filter((url) => !url.startsWith(`${netdojo.url}/`) && !/^(data|blob):/.test(url));
    assert.deepEqual(foreign, []);
    assert.ok([...requested].some((url) => url.includes('/_next/static/')), 'the app\'s bundles were loaded');
    // Every page ran under the policy that allows only Netdojo's origin, and it blocked nothing.
    assert.deepEqual(blocked, []);
  });

  it('ends the run: the sandbox goes, the grade stays', async () => {
    const res = await student.page.request.delete(`${netdojo.url}/api/runs/${runId}`);
    assert.equal(((await res.json()) as { status: string }).status, 'ended');
    const cookie = await cookieHeader(student.context);
    assert.equal((await openTerminalSocket(netdojo.url, { run: runId, node: 'node01' }, { cookie, origin: netdojo.url })).status, 410);
    await student.page.goto(`${netdojo.url}/history`);
    await student.page.locator(`tr[data-run="${runId}"]`).getByText('ended').waitFor();
    runId = '';
  });
});
