// Terminal recordings: every shell of a run is written as an asciicast v2 file (output, input,
// resizes, and a marker at every Check with its score), so the student and their instructor can
// replay how the work went. Files live in <data>/recordings/<run>/<node>-<tab>[-n].cast, are
// bounded per run, and are removed after the retention period.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { User } from './auth';
import { AppError } from './errors';
import type { Runs } from './runs';

const NAME = /^[a-z][a-z0-9-]{0,30}-\d{1,2}(-\d{1,3})?\.cast$/;

export interface RecordingOptions {
  dir: string;
  /** Bytes one run's recordings may take; beyond it recording stops with a marker saying so. */
  maxBytesPerRun: number;
  /** Days a run's recordings are kept after they were last written. */
  retentionDays: number;
}

/** One shell being recorded. */
export interface Recording {
  output(data: string): void;
  input(data: string): void;
  resize(cols: number, rows: number): void;
  close(): void;
}

interface Open {
  runId: string;
  stream: WriteStream;
  started: number;
}

export class Recorder {
  private readonly open = new Set<Open>();
  /** Bytes written per run by this process, for the bound. */
  private readonly written = new Map<string, number>();

  constructor(private readonly options: RecordingOptions) {}

  /** Starts the recording of a shell; `file` names the first free one for its node and tab. */
  async start(runId: string, node: string, tab: number, cols: number, rows: number): Promise<Recording> {
    const dir = join(this.options.dir, runId);
    await mkdir(dir, { recursive: true });
    const taken = new Set(await readdir(dir));
    let name = `${node}-${tab}.cast`;
    for (let n = 2; taken.has(name); n++) name = `${node}-${tab}-${n}.cast`;
    const entry: Open = { runId, stream: createWriteStream(join(dir, name), { flags: 'a' }), started: Date.now() };
    entry.stream.on('error', (err) => console.error(`[netdojo] recording ${runId}/${name}: ${err.message}`));
    this.open.add(entry);
    this.write(entry, JSON.stringify({ version: 2, width: cols, height: rows, timestamp: Math.floor(entry.started / 1000), env: { TERM: 'xterm-256color' } }));
    const event = (code: string, data: string) => this.write(entry, JSON.stringify([(Date.now() - entry.started) / 1000, code, data]));
    return {
      output: (data) => event('o', data),
      input: (data) => event('i', data),
      resize: (c, r) => event('r', `${c}x${r}`),
      close: () => {
        this.open.delete(entry);
        entry.stream.end();
      },
    };
  }

  /** A marker in every open recording of the run: "Check 3/8" and the like. */
  mark(runId: string, label: string): void {
    for (const entry of this.open) {
      if (entry.runId === runId) this.write(entry, JSON.stringify([(Date.now() - entry.started) / 1000, 'm', label]), true);
    }
  }

  private write(entry: Open, line: string, always = false): void {
    const used = this.written.get(entry.runId) ?? 0;
    const limit = this.options.maxBytesPerRun;
    if (used >= limit && !always) return;
    if (used + line.length + 1 > limit && !always) {
      this.written.set(entry.runId, limit);
      entry.stream.write(`${JSON.stringify([(Date.now() - entry.started) / 1000, 'm', 'recording limit reached; the rest is not recorded'])}\n`);
      return;
    }
    this.written.set(entry.runId, used + line.length + 1);
    entry.stream.write(`${line}\n`);
  }

  /** Removes recordings last written before the retention period. */
  async prune(): Promise<string[]> {
    const cutoff = Date.now() - this.options.retentionDays * 24 * 60 * 60_000;
    const runs = await readdir(this.options.dir).catch(() => [] as string[]);
    const removed: string[] = [];
    for (const runId of runs) {
      const info = await stat(join(this.options.dir, runId)).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) {
        await rm(join(this.options.dir, runId), { recursive: true, force: true });
        this.written.delete(runId);
        removed.push(runId);
      }
    }
    return removed;
  }
}

/** Reading recordings back: only for whoever may see the run (its student, their instructor). */
export class Recordings {
  constructor(private readonly deps: { runs: Runs; dir: string }) {}

  async list(user: User, runId: string): Promise<{ name: string; bytes: number }[]> {
    await this.deps.runs.get(user, runId);
    const dir = join(this.deps.dir, runId);
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => NAME.test(n)).sort();
    return Promise.all(names.map(async (name) => ({ name, bytes: (await stat(join(dir, name))).size })));
  }

  async read(user: User, runId: string, name: string): Promise<string> {
    await this.deps.runs.get(user, runId);
    if (!NAME.test(name)) throw new AppError('NotFound', 'There is no such recording.');
    return readFile(join(this.deps.dir, runId, name), 'utf8').catch(() => {
      throw new AppError('NotFound', 'There is no such recording.');
    });
  }
}
