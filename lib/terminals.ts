// Terminal sessions: a shell in a lab node, outliving the WebSocket that shows it. The hub owns
// every TTY it opens and closes it when the shell exits, when the run ends, or when nobody has
// watched it for a while. The protocol is written down in terminal-protocol.ts.
import { StringDecoder } from 'node:string_decoder';
import type { SandboxDriver, TtySession } from '../sandbox/driver';
import type { Recorder, Recording } from './recordings';
import type { ServerMessage } from './terminal-protocol';

/** What the hub needs of a connected viewer (a WebSocket in server.ts, a stub in tests). */
export interface TerminalViewer {
  send(message: ServerMessage): void;
  close(): void;
}

/** Output kept for a reconnecting viewer: enough for a screen or two of recent work. */
const SCROLLBACK_CHARS = 64 * 1024;
/** A shell nobody watches is closed after this long; the sandbox itself lives on. */
const DETACHED_MS = 15 * 60_000;

interface Session {
  key: string;
  runId: string;
  tty: TtySession;
  viewers: Set<TerminalViewer>;
  scrollback: string;
  idle?: NodeJS.Timeout;
  recording?: Recording;
}

export class TerminalHub {
  private readonly sessions = new Map<string, Session>();
  /** Opening a TTY takes a moment; a second viewer arriving meanwhile waits for the same one. */
  private readonly opening = new Map<string, Promise<Session>>();

  constructor(
    private readonly driver: SandboxDriver,
    private readonly detachedMs = DETACHED_MS,
    /** Records every shell for replay (lib/recordings.ts); none in tests that do not need it. */
    private readonly recorder?: Recorder,
  ) {}

  /** Shows the run/node/tab shell to the viewer, opening it if needed. Returns the detach function. */
  async attach(target: { runId: string; node: string; tab: number; cols: number; rows: number }, viewer: TerminalViewer, options: { readOnly?: boolean } = {}): Promise<{ input(data: string): void; resize(cols: number, rows: number): void; detach(): void }> {
    const key = `${target.runId}/${target.node}/${target.tab}`;
    const session = this.sessions.get(key) ?? (await this.open(key, target));
    clearTimeout(session.idle);
    session.viewers.add(viewer);
    if (session.scrollback) viewer.send({ type: 'output', data: session.scrollback });
    // A watcher (an instructor's live view) sees the shell but neither types into it nor sizes it.
    if (options.readOnly) {
      return { input: () => {}, resize: () => {}, detach: () => this.detach(session, viewer) };
    }
    await session.tty.resize(target.cols, target.rows).catch(() => {});
    session.recording?.resize(target.cols, target.rows);
    return {
      input: (data) => {
        session.recording?.input(data);
        session.tty.stream.write(data);
      },
      resize: (cols, rows) => {
        session.recording?.resize(cols, rows);
        void session.tty.resize(cols, rows).catch(() => {});
      },
      detach: () => this.detach(session, viewer),
    };
  }

  private detach(session: Session, viewer: TerminalViewer) {
    session.viewers.delete(viewer);
    if (session.viewers.size === 0 && this.sessions.get(session.key) === session) {
      session.idle = setTimeout(() => this.close(session), this.detachedMs);
      session.idle.unref();
    }
  }

  /** A marker in the run's recordings (a Check and its score). */
  mark(runId: string, label: string) {
    this.recorder?.mark(runId, label);
  }

  private open(key: string, target: { runId: string; node: string; cols: number; rows: number }): Promise<Session> {
    const pending = this.opening.get(key);
    if (pending) return pending;
    const opened = this.driver
      .openTty(target.runId, target.node, { cols: target.cols, rows: target.rows, cmd: ['bash', '-l'] })
      .then(async (tty) => {
        const [, node, tab] = key.split('/');
        const recording = await this.recorder?.start(target.runId, node!, Number(tab), target.cols, target.rows).catch((err: Error) => {
          console.error(`[netdojo] cannot record ${key}: ${err.message}`);
          return undefined;
        });
        return this.adopt(key, target.runId, tty, recording);
      })
      .finally(() => this.opening.delete(key));
    this.opening.set(key, opened);
    return opened;
  }

  private adopt(key: string, runId: string, tty: TtySession, recording?: Recording): Session {
    const session: Session = { key, runId, tty, viewers: new Set(), scrollback: '', recording };
    const decoder = new StringDecoder('utf8');
    tty.stream.on('data', (chunk: Buffer) => {
      const data = decoder.write(chunk);
      if (!data) return;
      session.scrollback = (session.scrollback + data).slice(-SCROLLBACK_CHARS);
      session.recording?.output(data);
      for (const viewer of session.viewers) viewer.send({ type: 'output', data });
    });
    tty.stream.on('error', () => {});
    void tty.exited.then(
      (code) => this.ended(session, code),
      () => this.ended(session, -1),
    );
    this.sessions.set(key, session);
    return session;
  }

  private ended(session: Session, code: number) {
    for (const viewer of session.viewers) {
      viewer.send({ type: 'exit', code });
      viewer.close();
    }
    this.close(session);
  }

  private close(session: Session) {
    clearTimeout(session.idle);
    if (this.sessions.get(session.key) === session) this.sessions.delete(session.key);
    session.viewers.clear();
    session.recording?.close();
    session.tty.close();
  }

  /** Closes every shell of a run (it ended). */
  closeRun(runId: string) {
    for (const session of [...this.sessions.values()]) {
      if (session.runId !== runId) continue;
      for (const viewer of session.viewers) {
        viewer.send({ type: 'exit', code: 0 });
        viewer.close();
      }
      this.close(session);
    }
  }

  closeAll() {
    for (const session of [...this.sessions.values()]) this.close(session);
  }
}
