// A real Netdojo server for the web tests: the production build (npm test builds it first),
// server.ts on a free port, a freshly migrated SQLite file, and the real sandbox engine.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import WebSocket from 'ws';
import { parseDatabaseUrl } from '../../lib/env';
import { deploy } from '../../prisma/migrate';

export interface Netdojo {
  url: string;
  port: number;
  dataDir: string;
  log: () => string;
  /** SIGTERM and wait; the data folder is removed unless kept for a restart. */
  stop(options?: { keepData?: boolean }): Promise<void>;
  /** SIGKILL: a crash, nothing cleaned up. */
  kill(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts a server; give a stopped one's `dataDir` and `port` to restart it as the same site. */
export async function startNetdojo(env: Record<string, string> = {}, reuse?: { dataDir: string; port: number }): Promise<Netdojo> {
  const dataDir = reuse?.dataDir ?? (await mkdtemp(join(tmpdir(), 'netdojo-web-')));
  const port = reuse?.port ?? (await freePort());
  const databaseUrl = `file:${join(dataDir, 'netdojo.db')}`;
  await deploy({ schemaFile: resolve('prisma/schema.prisma'), database: parseDatabaseUrl(databaseUrl) });
  let output = '';
  // node with tsx's loader (not the tsx wrapper), so that SIGTERM/SIGKILL reach the server itself.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, NETDOJO_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`Netdojo did not start in 60 s:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('[netdojo] ready on')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => fail(new Error(`Netdojo exited ${code} while starting:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    log: () => output,
    async stop(options = {}) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      if (!options.keepData) await rm(dataDir, { recursive: true, force: true });
    },
    async kill() {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', steadyNavigation);
    return context;
  };
  return browser;
}

/**
 * Chromium aborts a navigation with ERR_NETWORK_CHANGED when the host's interfaces change, and
 * every sandbox that starts adds a bridge on the host: a navigation caught by one is tried again.
 */
function steadyNavigation(page: Page) {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await goto(url, options);
      } catch (err) {
        if (attempt >= 4 || !/ERR_NETWORK_CHANGED|chrome-error:\/\/chromewebdata/.test(String(err))) throw err;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  };
}

/** Signs a new student up through the sign-up page; the context then holds their session. */
export async function signUp(context: BrowserContext, url: string, name: string): Promise<{ page: Page; email: string }> {
  const page = await context.newPage();
  const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
  await page.goto(`${url}/sign-up`);
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.waitForURL(`${url}/`);
  await page.getByText(name, { exact: true }).waitFor();
  return { page, email };
}

/** A signed-in API client (no browser): signs up through better-auth's endpoint. */
export async function apiClient(url: string, email: string, options: { signUp?: boolean; password?: string } = {}) {
  const password = options.password ?? 'correct horse battery';
  const path = options.signUp === false ? '/api/auth/sign-in/email' : '/api/auth/sign-up/email';
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ email, password, name: email.split('@')[0] }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  };
  return { cookie, call, signInBody: await res.json() };
}

/** Polls a run until it leaves `creating`. */
export async function waitForRun(client: Awaited<ReturnType<typeof apiClient>>, runId: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await client.call('GET', `/api/runs/${runId}`);
    if (body?.status !== 'creating') return body;
    if (Date.now() > deadline) throw new Error(`run ${runId} still creating after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

export async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

export interface TerminalClient {
  /** 101 when the upgrade succeeded, else the HTTP status of the refusal (0: no answer). */
  status: number;
  socket?: WebSocket;
  /** Every output frame received so far, from the first one (the replay arrives at once). */
  transcript(): string;
}

/** Opens a terminal WebSocket as a non-browser client would; resolves how the server answered. */
export function openTerminalSocket(url: string, query: Record<string, string>, headers: Record<string, string>) {
  const address = new URL('/ws/terminal', url.replace(/^http/, 'ws'));
  address.search = new URLSearchParams(query).toString();
  return new Promise<TerminalClient>((done) => {
    let text = '';
    const transcript = () => text;
    const socket = new WebSocket(address, { headers });
    // Listening from the start: the server may send the replay before the caller listens.
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string; data?: string };
      if (message.type === 'output') text += message.data;
    });
    socket.once('open', () => done({ status: 101, socket, transcript }));
    socket.once('unexpected-response', (_req, res) => done({ status: res.statusCode ?? 0, transcript }));
    socket.once('error', () => done({ status: 0, transcript }));
  });
}

/** Waits until the terminal's transcript matches `pattern`; resolves the transcript. */
export function readUntil(client: TerminalClient, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  return new Promise((done, fail) => {
    const check = () => {
      if (!pattern.test(client.transcript())) return false;
      clearTimeout(timer);
      client.socket!.off('message', check);
      done(client.transcript());
      return true;
    };
    const timer = setTimeout(() => fail(new Error(`no ${pattern} in terminal output:\n${client.transcript()}`)), timeoutMs);
    if (!check()) client.socket!.on('message', check);
  });
}
