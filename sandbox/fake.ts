// An in-memory SandboxDriver for unit tests of code above sandbox/: runs exist as records, and
// commands are answered by a function the test supplies. Never used outside tests.
import { SandboxError, type ExecOptions, type ExecResult, type Run, type SandboxDriver, type Topology } from './driver';

export type FakeResponder = (call: { runId: string; node: string; command: string; trusted: boolean }) => Partial<ExecResult>;

export class FakeDriver implements SandboxDriver {
  readonly runs = new Map<string, Run>();
  readonly files = new Map<string, Buffer>();
  readonly calls: { runId: string; node: string; command: string; trusted: boolean }[] = [];
  private next = 0;

  constructor(public respond: FakeResponder = () => ({})) {}

  async createRun(topology: Topology, runId = `fake${++this.next}`): Promise<Run> {
    const run: Run = {
      id: runId,
      expiresAt: new Date(Date.now() + topology.ttlSeconds * 1000),
      nodes: topology.nodes.map((n, i) => ({ name: n.name, hostPid: 1000 + i, addresses: [{ network: 'lab', subnet: '100.64.0.0/24', address: `100.64.0.${n.host ?? 11 + i}` }] })),
    };
    this.runs.set(runId, run);
    return run;
  }

  private answer(runId: string, node: string, command: string, trusted: boolean): ExecResult {
    const run = this.runs.get(runId);
    if (!run) throw new SandboxError('RunNotFound', `run ${runId} does not exist`);
    if (!run.nodes.some((n) => n.name === node)) throw new SandboxError('NodeNotFound', `node "${node}" does not exist`);
    const call = { runId, node, command, trusted };
    this.calls.push(call);
    return { exitCode: 0, stdout: '', stderr: '', timedOut: false, ...this.respond(call) };
  }

  async exec(runId: string, node: string, cmd: string[], _options?: ExecOptions) {
    return this.answer(runId, node, cmd.join(' '), false);
  }

  async execTrusted(runId: string, node: string, script: string, _options?: ExecOptions) {
    return this.answer(runId, node, script, true);
  }

  async openTty(): Promise<never> {
    throw new SandboxError('EngineUnavailable', 'the fake driver has no terminals');
  }

  async readFile(runId: string, node: string, path: string) {
    const content = this.files.get(`${runId}/${node}${path}`);
    if (!content) throw new SandboxError('FileNotFound', `${path}: no such file on ${node}`);
    return content;
  }

  async writeFile(runId: string, node: string, path: string, content: string | Buffer) {
    this.files.set(`${runId}/${node}${path}`, Buffer.from(content));
  }

  async listFiles() {
    return [];
  }

  async destroyRun(runId: string) {
    this.runs.delete(runId);
  }

  async listRuns() {
    return [...this.runs.values()];
  }

  /** Like the real one: removes expired runs (or all) unless `keep` claims them. */
  async gc(options: { all?: boolean; keep?: (runId: string) => boolean } = {}) {
    const removed = [...this.runs.values()]
      .filter((run) => !options.keep?.(run.id) && (options.all || run.expiresAt.getTime() < Date.now()))
      .map((run) => run.id);
    for (const id of removed) this.runs.delete(id);
    return { runs: removed, containers: removed.length, networks: removed.length };
  }
}
