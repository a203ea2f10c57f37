// The contract between Netdojo and whatever runs lab nodes. Everything above sandbox/ talks to
// a SandboxDriver and sees these types, never an engine's own objects.
import type { Duplex } from 'node:stream';

export interface NodeSpec {
  /** Hostname inside the run, e.g. `node01`. Lowercase letters, digits and dashes. */
  name: string;
  /**
   * Host number of the node's address on the run network (`.11` of the run's /24). Runs get
   * their subnet from a pool, so two runs of one lab never collide while a node's address stays
   * the same within a run.
   */
  host?: number;
  /** Extra networks this node joins, by name; the host number is reused there. */
  networks?: string[];
}

export interface Topology {
  nodes: NodeSpec[];
  /** Extra internal networks, e.g. a storage network for a multi-interface lab. */
  networks?: string[];
  /** Seconds until the run is removed by `reap` even if nobody destroys it. */
  ttlSeconds: number;
  /** Image tag; defaults to the current lab image. */
  image?: string;
}

export interface NodeAddress {
  network: string;
  subnet: string;
  address: string;
}

export interface RunNode {
  name: string;
  addresses: NodeAddress[];
  /** The node's PID 1 as the host sees it: the way to enter its namespaces from outside. */
  hostPid: number;
}

export interface Run {
  id: string;
  nodes: RunNode[];
  expiresAt: Date;
}

export interface ExecOptions {
  /** Written to the command's stdin, which is then closed. */
  stdin?: string | Buffer;
  timeoutMs?: number;
  env?: Record<string, string>;
  workdir?: string;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface TtySession {
  /** Raw terminal bytes both ways. */
  stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  /** Resolves with the shell's exit code once it ends. */
  exited: Promise<number>;
  close(): void;
}

export interface FileEntry {
  name: string;
  type: 'file' | 'dir' | 'link' | 'other';
  size: number;
}

export interface GcReport {
  runs: string[];
  containers: number;
  networks: number;
}

export interface SandboxDriver {
  createRun(topology: Topology, runId?: string): Promise<Run>;
  exec(runId: string, node: string, cmd: string[], options?: ExecOptions): Promise<ExecResult>;
  /**
   * Runs a trusted bash script (a lab check) outside the node, with Netdojo's own tools and the
   * helpers of sandbox/grader/lib.sh, entering the node's namespaces from the host side.
   */
  execTrusted(runId: string, node: string, script: string, options?: ExecOptions): Promise<ExecResult>;
  openTty(runId: string, node: string, opts: { cols: number; rows: number; cmd?: string[] }): Promise<TtySession>;
  readFile(runId: string, node: string, path: string): Promise<Buffer>;
  writeFile(runId: string, node: string, path: string, content: string | Buffer, mode?: number): Promise<void>;
  listFiles(runId: string, node: string, dir: string): Promise<FileEntry[]>;
  destroyRun(runId: string): Promise<void>;
  /** Runs that still exist on the engine, as the engine reports them. */
  listRuns(): Promise<Run[]>;
  /** Removes runs that expired or whose creating process died; `all` removes every run. */
  gc(options?: { all?: boolean; keep?: (runId: string) => boolean }): Promise<GcReport>;
}

/** Errors the rest of Netdojo can map to a message a student understands. */
export class SandboxError extends Error {
  constructor(
    readonly code: 'RunNotFound' | 'NodeNotFound' | 'NodeNotRunning' | 'FileNotFound' | 'BadPath' | 'EngineUnavailable' | 'OutOfSubnets' | 'BadTopology',
    message: string,
  ) {
    super(message);
    this.name = 'SandboxError';
  }
}
