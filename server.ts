// Netdojo's Node entry point: Next's request handler, plus the terminal WebSocket, which App Router
// route handlers cannot serve because they cannot upgrade a connection. The wire format is in
// lib/terminal-protocol.ts.
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import next from 'next';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { CLIENT_IP_HEADER, currentUser, ensureAdminFromEnv } from './lib/auth';
import { readEnv } from './lib/env';
import { bodyLimit, tooLarge } from './lib/body-limits';
import { AppError, errorBody, httpStatus, toAppError } from './lib/errors';
import { newNonce, securityHeaders } from './lib/security-headers';
import { REVALIDATE_EVERY_MS } from './lib/session-watch';
import { classes, exams, recorder, runs, sessionWatch, terminals } from './lib/services';
import { ClientMessage, TERMINAL_PATH, TerminalQuery, type ServerMessage } from './lib/terminal-protocol';

const Env = z.object({ HOST: z.string().default('0.0.0.0') });
const host = Env.parse(process.env).HOST;
const env = readEnv();
const dev = process.argv.includes('--dev');

const app = next({ dev, dir: import.meta.dirname, hostname: host, port: env.port });
const handle = app.getRequestHandler();
await app.prepare();

const admin = await ensureAdminFromEnv();
if (admin) console.log(`[netdojo] admin account: ${admin.email}`);

// Runs left half-created by a previous process failed; expired runs and sandboxes nobody owns
// go now and every minute after. Runs recorded as live keep their sandboxes across a restart.
const recovered = await runs().recover();
if (recovered) console.log(`[netdojo] ${recovered} run(s) interrupted by the last shutdown marked failed`);
const reap = () =>
  Promise.all([runs().reap(), recorder().prune()]).catch((err: Error) => console.error(`[netdojo] reaper: ${err.message}`));
await reap();
const reaper = setInterval(reap, 60_000);
// Exam deadlines have a timer each; the sweep catches the ones a restart or a timer missed.
await exams().recover();
const sweep = () => exams().sweep().catch((err: Error) => console.error(`[netdojo] exam deadlines: ${err.message}`));
await sweep();
const sweeper = setInterval(sweep, 5_000);
// Assignments' due dates: a run left open is graded and submitted for its student.
const dueSweep = () => classes().sweepDue().catch((err: Error) => console.error(`[netdojo] assignment due dates: ${err.message}`));
const dueSweeper = setInterval(dueSweep, 30_000);
const revalidate = setInterval(() => void sessionWatch().recheck(), REVALIDATE_EVERY_MS);
const https = env.origins[0]!.startsWith('https:');

const server = createServer((req, res) => {
  // The real peer address, for per-client rate limits (lib/auth.ts); never the client's say-so.
  req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? '';
  const nonce = newNonce();
  for (const [name, value] of Object.entries(securityHeaders(nonce, { https, dev }))) res.setHeader(name, value);
  // Next.js takes the nonce for the scripts it renders from the request's copy of the policy.
  req.headers['content-security-policy'] = res.getHeader('content-security-policy') as string;
  // A body that says it is too large is refused before anyone reads it; route handlers count
  // the bytes of the rest as they arrive (lib/body-limits.ts).
  const limit = bodyLimit(new URL(req.url ?? '/', 'http://netdojo.invalid').pathname);
  if (Number(req.headers['content-length'] ?? 0) > limit.bytes) {
    const error = tooLarge(limit);
    res.writeHead(httpStatus(error), { 'content-type': 'application/json', connection: 'close' });
    return void res.end(JSON.stringify(errorBody(error)));
  }
  void handle(req, res);
});
const sockets = new WebSocketServer({ noServer: true, maxPayload: 128 * 1024 });
const nextUpgrade = dev ? app.getUpgradeHandler() : undefined;

server.on('upgrade', (req, socket, head) => {
  const url = new URL(req.url ?? '/', 'http://netdojo.invalid');
  if (url.pathname !== TERMINAL_PATH) {
    // Only Next's dev server has upgrades of its own (hot reload).
    if (nextUpgrade) return void nextUpgrade(req, socket, head);
    return refuse(socket, 404, 'Not Found');
  }
  authorise(req, url).then(
    ({ target, userId }) =>
      sockets.handleUpgrade(req, socket, head, (ws) => {
        // The session is checked again while the socket is open: signing out closes it.
        const unwatch = sessionWatch().watch({
          cookie: req.headers.cookie ?? '',
          userId,
          revoke: (message) => {
            if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'error', message } satisfies ServerMessage));
            ws.close(4001, 'signed out');
          },
        });
        ws.on('close', unwatch);
        void serveTerminal(ws, target);
      }),
    (err) => {
      const error = toAppError(err);
      refuse(socket, httpStatus(error), error.message);
    },
  );
});

/** Who may open this terminal: Netdojo's own pages, signed in as the run's student or staff. */
async function authorise(req: IncomingMessage, url: URL): Promise<{ target: TerminalQuery; userId: string }> {
  // Browsers always send Origin on WebSocket handshakes; a page elsewhere must not ride the
  // student's cookie into their shell.
  const origin = req.headers.origin;
  if (!origin || !env.origins.includes(origin)) throw new AppError('Forbidden', `origin ${origin ?? '(none)'} may not open terminals`);
  const headers = new Headers();
  if (req.headers.cookie) headers.set('cookie', req.headers.cookie);
  const user = await currentUser(headers);
  if (!user) throw new AppError('Unauthenticated', 'sign in first');
  const query = TerminalQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) throw new AppError('BadRequest', 'bad terminal address');
  const run = await runs().node(user, query.data.run, query.data.node);
  // Only the run's student types into its shells; an instructor's view is always read-only.
  const watch = run.userId === user.id ? query.data.watch : '1';
  return { target: { ...query.data, watch }, userId: user.id };
}

async function serveTerminal(ws: WebSocket, target: TerminalQuery) {
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  // Listen at once: keystrokes sent while the shell is still opening wait for it, not vanish.
  const early: ClientMessage[] = [];
  let session: Awaited<ReturnType<ReturnType<typeof terminals>['attach']>> | undefined;
  const deliver = (message: ClientMessage) => {
    if (!session) return void early.push(message);
    // A live view (watch=1) neither types nor counts as the student's activity.
    if (target.watch === '1') return;
    if (message.type === 'input') {
      session.input(message.data);
      void runs().touch(target.run).catch(() => {});
    } else session.resize(message.cols, message.rows);
  };
  ws.on('message', (raw) => {
    const parsed = ClientMessage.safeParse(safeJson(raw.toString()));
    if (parsed.success) deliver(parsed.data);
  });
  let closed = false;
  ws.on('close', () => {
    closed = true;
    session?.detach();
  });
  try {
    session = await terminals().attach({ runId: target.run, ...target }, { send, close: () => ws.close() }, { readOnly: target.watch === '1' });
  } catch (err) {
    send({ type: 'error', message: toAppError(err).message });
    return ws.close();
  }
  if (closed) return session.detach();
  for (const message of early.splice(0)) deliver(message);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refuse(socket: Duplex, status: number, message: string) {
  socket.end(`HTTP/1.1 ${status} ${message.replace(/[\r\n]/g, ' ')}\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n${message}\n`);
}

server.listen(env.port, host, () => {
  console.log(`[netdojo] ready on http://localhost:${env.port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(reaper);
    clearInterval(revalidate);
    clearInterval(sweeper);
    clearInterval(dueSweeper);
    terminals().closeAll();
    sockets.close();
    server.close(() => process.exit(0));
    // Open WebSockets keep close() waiting; do not hang a restart on them.
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
