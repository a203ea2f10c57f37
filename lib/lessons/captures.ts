// Captured output: every command output a lesson shows comes from Netdojo's own lab image, never
// typed by hand. A capture is content/<NN-module>/captures/<name>.yaml (nodes, hidden setup,
// shown steps); scripts/captures.ts runs it on a fresh sandbox and writes <name>.out.yaml beside
// it, which the web app renders for a ```capture block. Because addresses, MACs, timings and ids
// change on every run, outputs are compared after normalise(), never byte for byte.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import type { SandboxDriver } from '../../sandbox/driver';
import { lineDiff } from './line-diff';

const Name = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');
// The engine's own rule for node names (sandbox/docker.ts).
const NodeName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a node name is lowercase letters, digits and dashes');

const Step = z.strictObject({
  node: NodeName.optional().meta({ description: 'Node the step runs on; the first node by default.' }),
  run: z.string().min(1).meta({ description: 'Shown to the student and run as root with `bash -c` in /root; stderr is merged into stdout.' }),
  background: z.boolean().default(false).meta({
    description: 'Keep running while the later steps run (a second terminal: tcpdump, a server log); ' +
      'stopped with Ctrl-C (SIGINT) after the last step, and its output is what it printed until then.',
  }),
  timeoutSeconds: z.int().min(1).max(60).default(20),
});

export const CaptureSpec = z.strictObject({
  description: z.string().min(1),
  nodes: z.array(NodeName).min(1).max(3).default(['node1']).meta({ description: 'Nodes of the sandbox; they share a private network.' }),
  files: z.array(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/)).default([])
    .meta({ description: 'Files of the captures/ folder (shared setup scripts) copied to /opt/capture/ on every node before setup.' }),
  setup: z.record(NodeName, z.string()).default({}).meta({ description: 'Hidden preparation, a bash script per node, run in this order.' }),
  steps: z.array(Step).min(1),
  vary: z.array(z.string().refine((r) => {
    try {
      new RegExp(r);
      return true;
    } catch {
      return false;
    }
  }, 'not a valid regular expression')).optional().meta({
    description: 'Regular expressions for parts of the output that legitimately differ between runs beyond the ' +
      'built-in normalisations (a throughput, a random choice); matches are ignored when outputs are compared.',
  }),
}).superRefine((spec, ctx) => {
  const nodes = new Set(spec.nodes);
  if (nodes.size !== spec.nodes.length) ctx.addIssue({ code: 'custom', path: ['nodes'], message: 'a node appears twice' });
  for (const node of Object.keys(spec.setup)) {
    if (!nodes.has(node)) ctx.addIssue({ code: 'custom', path: ['setup', node], message: `unknown node "${node}" (nodes: ${spec.nodes.join(', ')})` });
  }
  for (const [i, step] of spec.steps.entries()) {
    if (step.node && !nodes.has(step.node)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'node'], message: `unknown node "${step.node}"` });
  }
});

export const CapturedStep = z.strictObject({
  node: NodeName,
  run: z.string(),
  background: z.boolean().optional(),
  output: z.string(),
  exitCode: z.int(),
});

export const CaptureOutput = z.strictObject({
  capture: Name,
  /** Hash of the spec (and its files) this output came from: a changed spec makes it stale. */
  spec: z.string(),
  image: z.string(),
  /** The run's lab network: its addresses appear in outputs and differ between runs. */
  network: z.string(),
  /** Indexes of the nodes' eth* links and their host-side peers: the host's running count, so they differ between runs. */
  hostIndexes: z.array(z.int()).optional(),
  steps: z.array(CapturedStep),
});

export type CaptureSpec = z.infer<typeof CaptureSpec>;
export type CapturedStep = z.infer<typeof CapturedStep>;
export type CaptureOutput = z.infer<typeof CaptureOutput>;

export class CaptureError extends Error {
  constructor(
    readonly code: 'NotFound' | 'Invalid' | 'Stale' | 'SetupFailed' | 'StepTimedOut',
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

/** One capture on disk: content/<module>/captures/<name>.yaml. */
export interface CaptureFile {
  module: string;
  name: string;
  /** content/<module>/captures */
  dir: string;
}

const specFile = (c: CaptureFile) => join(c.dir, `${c.name}.yaml`);
export const outputFile = (c: CaptureFile) => join(c.dir, `${c.name}.out.yaml`);

function describeZod(file: string, error: z.ZodError): string {
  return error.issues.map((i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
}

/** Every capture under content/, in module then name order. */
export async function discoverCaptures(root = resolve('content')): Promise<CaptureFile[]> {
  const found: CaptureFile[] = [];
  if (!existsSync(root)) return found;
  for (const module of (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const dir = join(root, module, 'captures');
    if (!existsSync(dir)) continue;
    for (const file of (await readdir(dir)).sort()) {
      if (file.endsWith('.yaml') && !file.endsWith('.out.yaml')) found.push({ module, name: basename(file, '.yaml'), dir });
    }
  }
  return found;
}

export interface LoadedSpec {
  spec: CaptureSpec;
  /** Contents of spec.files, by name. */
  files: Record<string, string>;
  hash: string;
}

export async function loadCaptureSpec(capture: CaptureFile): Promise<LoadedSpec> {
  const file = specFile(capture);
  if (!existsSync(file)) throw new CaptureError('NotFound', `${file}: no such capture`);
  const parsed = CaptureSpec.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new CaptureError('Invalid', describeZod(file, parsed.error));
  const files: Record<string, string> = {};
  for (const name of parsed.data.files) {
    const path = join(capture.dir, name);
    if (!existsSync(path)) throw new CaptureError('Invalid', `${file}: files: ${name} is not in ${capture.dir}`);
    files[name] = await readFile(path, 'utf8');
  }
  // Hashing the parsed spec, not its text, lets comments and layout change without making the
  // output stale.
  const hash = createHash('sha256').update(JSON.stringify({ spec: parsed.data, files })).digest('hex').slice(0, 12);
  return { spec: parsed.data, files, hash };
}

/**
 * The recorded output of a capture, for the renderer. Fails with a CaptureError naming the file
 * when the capture or its output is missing, malformed, or older than its spec.
 */
export async function loadCaptureOutput(moduleDir: string, name: string): Promise<CaptureOutput> {
  const capture: CaptureFile = { module: basename(moduleDir), name, dir: join(moduleDir, 'captures') };
  if (!Name.safeParse(name).success) throw new CaptureError('Invalid', `"${name}" is not a capture name (lowercase letters, digits and dashes)`);
  const { hash } = await loadCaptureSpec(capture);
  const out = outputFile(capture);
  const regenerate = `run: npx tsx scripts/captures.ts ${name}`;
  if (!existsSync(out)) throw new CaptureError('NotFound', `${out}: not captured yet; ${regenerate}`);
  const parsed = CaptureOutput.safeParse(parse(await readFile(out, 'utf8')));
  if (!parsed.success) throw new CaptureError('Invalid', `${describeZod(out, parsed.error)}\n(never edit .out.yaml files by hand; ${regenerate})`);
  if (parsed.data.spec !== hash) throw new CaptureError('Stale', `${out}: captured from an older version of ${name}.yaml; ${regenerate}`);
  return parsed.data;
}

/** The capture names of a lesson's ```capture blocks, with the line each block starts on. */
export function captureBlocks(markdown: string): { name: string; line: number }[] {
  const blocks: { name: string; line: number }[] = [];
  for (const match of markdown.matchAll(/^```capture[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)) {
    blocks.push({ name: match[1]!.trim(), line: markdown.slice(0, match.index).split('\n').length });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Running a capture

/** Where background steps keep their output on the node; outside /root so students never see it. */
const BG_DIR = '/run/netdojo-capture';
const SCRIPT_DIR = '/opt/capture';

/** iproute2 pads lines with trailing spaces: invisible in a lesson, and they make YAML unreadable. */
function tidy(output: string): string {
  return output.split('\n').map((l) => l.trimEnd()).join('\n').replace(/\n+$/, '') + (output.trim() ? '\n' : '');
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * Runs one capture on a fresh sandbox and returns what it printed. The run is destroyed whatever
 * happens. `image` is the lab image tag to run (recorded in the output).
 */
export async function runCapture(driver: SandboxDriver, name: string, loaded: LoadedSpec, image: string): Promise<CaptureOutput> {
  const { spec } = loaded;
  const run = await driver.createRun({ nodes: spec.nodes.map((n) => ({ name: n })), ttlSeconds: 300, image });
  const exec: Exec = (node, script, timeoutSeconds) =>
    // `exec 2>&1` merges stderr into stdout inside the node, so both keep the order they were
    // written in; on the same line, so bash's messages ("line 1: ...") count the script's lines.
    driver.exec(run.id, node, ['bash', '-c', `exec 2>&1; ${script}`], { timeoutMs: timeoutSeconds * 1000, env: { HOME: '/root' }, workdir: '/root' });
  try {
    const hostIndexes = new Set<number>();
    for (const node of spec.nodes) {
      const links = await exec(node, 'cat /sys/class/net/eth*/ifindex /sys/class/net/eth*/iflink', 10);
      for (const n of links.stdout.split(/\s+/).filter(Boolean)) hostIndexes.add(Number(n));
    }
    if (spec.files.length) {
      for (const node of spec.nodes) {
        await exec(node, `mkdir -p ${SCRIPT_DIR}`, 10);
        for (const [file, content] of Object.entries(loaded.files)) await driver.writeFile(run.id, node, `${SCRIPT_DIR}/${file}`, content, 0o755);
      }
    }
    for (const [node, script] of Object.entries(spec.setup)) {
      const result = await exec(node, script, 60);
      if (result.exitCode !== 0) {
        throw new CaptureError('SetupFailed', `capture ${name}: setup on ${node} ${result.timedOut ? 'timed out' : `exited ${result.exitCode}`}:\n${tail(result.stdout + result.stderr)}`);
      }
    }
    const steps: CapturedStep[] = [];
    const background: number[] = [];
    for (const [i, step] of spec.steps.entries()) {
      const node = step.node ?? spec.nodes[0]!;
      // A `run: |` block ends in a newline the lesson should not show.
      const shown = step.run.replace(/\n+$/, '');
      if (step.background) {
        await startBackground(exec, node, i, step.run);
        background.push(i);
        steps.push({ node, run: shown, background: true, output: '', exitCode: 0 });
        continue;
      }
      const result = await exec(node, step.run, step.timeoutSeconds);
      if (result.timedOut) {
        throw new CaptureError('StepTimedOut', `capture ${name}: step ${i + 1} (${step.run.split('\n')[0]}) timed out after ${step.timeoutSeconds} s; ` +
          'wrap commands that wait in `timeout N` or give ping a -c count');
      }
      steps.push({ node, run: shown, output: tidy(result.stdout + result.stderr), exitCode: result.exitCode });
    }
    if (background.length) {
      // tcpdump hands packets over in blocks with a 1 s timeout; stopping sooner loses the last ones.
      await new Promise((r) => setTimeout(r, 1200));
      for (const i of background) Object.assign(steps[i]!, await stopBackground(exec, steps[i]!.node, i));
    }
    return { capture: name, spec: loaded.hash, image, network: run.nodes[0]!.addresses[0]!.subnet, hostIndexes: [...hostIndexes].sort((a, b) => a - b), steps };
  } finally {
    await driver.destroyRun(run.id).catch(() => {});
  }
}

type Exec = (node: string, script: string, timeoutSeconds: number) => Promise<{ exitCode: number; stdout: string; stderr: string; timedOut: boolean }>;

async function startBackground(exec: Exec, node: string, i: number, command: string): Promise<void> {
  const out = `${BG_DIR}/${i}.out`;
  // Job control (set -m) gives the job its own process group, so Ctrl-C can reach every process
  // of it, and keeps SIGINT from being ignored, as it otherwise is for `&` jobs of a script.
  const script = [
    `mkdir -p ${BG_DIR}; set -m`,
    `{ bash -c ${shellQuote(command)}; echo $? > ${BG_DIR}/${i}.rc; } > ${out} 2>&1 < /dev/null &`,
    `echo $! > ${BG_DIR}/${i}.pid`,
    // Wait until it has printed something (tcpdump's "listening on", a server's banner), so the
    // later steps do not race its start; give up waiting after 2 s.
    `for _ in $(seq 20); do [ -s ${out} ] && break; sleep 0.1; done`,
  ].join('\n');
  const result = await exec(node, script, 10);
  if (result.exitCode !== 0) throw new CaptureError('SetupFailed', `could not start background step ${i + 1}: ${result.stdout}`);
}

async function stopBackground(exec: Exec, node: string, i: number): Promise<Pick<CapturedStep, 'output' | 'exitCode'>> {
  const script = [
    `pid=$(cat ${BG_DIR}/${i}.pid)`,
    `kill -INT -- -$pid 2>/dev/null`,
    `for _ in $(seq 30); do kill -0 -- -$pid 2>/dev/null || break; sleep 0.1; done`,
    `kill -KILL -- -$pid 2>/dev/null`,
    // No exit code written: the job died of the signal, as after Ctrl-C at a terminal.
    `echo "$(cat ${BG_DIR}/${i}.rc 2>/dev/null || echo 130)"`,
    `cat ${BG_DIR}/${i}.out`,
  ].join('\n');
  const result = await exec(node, script, 10);
  const [code, ...output] = result.stdout.split('\n');
  return { output: tidy(output.join('\n')), exitCode: Number(code) };
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

// ---------------------------------------------------------------------------------------------
// Comparing outputs

/** What varies with the run rather than with the lab image: see CaptureOutput and CaptureSpec.vary. */
export interface RunContext {
  network?: string;
  hostIndexes?: number[];
  /** For outputs recorded before hostIndexes existed: treat every index from 100 up as host-made. */
  legacyIndexes?: boolean;
  vary?: string[];
}

/**
 * Rewrites what legitimately differs between two runs of the same capture into fixed tokens, so
 * that a changed lab image (a new tool version, another default) shows up as a difference and
 * run-to-run noise does not.
 */
export function normalise(output: string, run: RunContext = {}): string {
  let text = output;
  for (const pattern of run.vary ?? []) text = text.replace(new RegExp(pattern, 'g'), '~');
  if (run.network) {
    // Each run's lab network is drawn from a pool.
    const prefix = run.network.split('/')[0]!.split('.').slice(0, 3).join('.') + '.';
    text = text.replaceAll(prefix, 'LABNET.');
  }
  const host = new Set(run.hostIndexes ?? []);
  if (host.size || run.legacyIndexes) {
    // eth0 is made in the host's namespace, so its index (and its peer's, and that of a macvlan's
    // parent) is the host's running count; links made inside the node count from 1 and stay put.
    const index = (n: string) => (host.has(Number(n)) || (run.legacyIndexes && Number(n) >= 100) ? 'IDX' : n);
    text = text
      .replace(/^(\d+):/gm, (_, n) => `${index(n)}:`)
      .replace(/@if(\d+)\b/g, (_, n) => `@if${index(n)}`)
      .replace(/"(ifindex|link_index)": ?(\d+)/g, (_, key, n) => `"${key}": ${index(n)}`);
  }
  for (const [pattern, replacement] of NORMALISATIONS) text = text.replace(pattern, replacement as (...m: string[]) => string);
  // Columns are padded to the width of their values (`ip -br`, tables): an index or address that
  // is a digit longer in this run shifts the padding, which is not a difference.
  return text.replace(/ {2,}/g, ' ');
}

/** An ephemeral port as Linux picks them (ip_local_port_range 32768-60999), or the number as is. */
const ephemeral = (port: string) => (Number(port) >= 32768 && Number(port) <= 65535 ? 'PORT' : port);

/**
 * What differed between two runs of the same captures on one machine (found by running each
 * capture twice and diffing), plus the interface indexes that differ between machines.
 * Order matters: the ping and tcpdump rules run before the generic timing ones.
 */
const NORMALISATIONS: [RegExp, string | ((...m: string[]) => string)][] = [
  // Random (veth, bridge) or address-derived (Docker's 02:42:...) MACs; the well-known ones stay.
  // (`ip -d` prints bridge ids without leading zeros: 16:6b:51:94:a:5d.)
  [/(?<![:\w])(?!00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)[0-9a-f]{1,2}(?::[0-9a-f]{1,2}){5}(?![:\w])/g, 'MAC'],
  [/\b([0-9a-f]{4})\.[0-9a-f]{12}\b/g, '$1.BRIDGEID'], // brctl's bridge id: priority.MAC
  [/\bfe80::[0-9a-f:]+/g, 'fe80::EUI64'], // link-local addresses derive from the MAC
  // Names the CNI plugins draw at random for the host end of a pod's veth.
  [/\bveth[0-9a-f]{8}\b/g, 'vethXXXXXXXX'],
  // Namespace inodes (readlink /proc/PID/ns/net, lsns).
  [/\b(net|mnt|pid|uts|ipc|user|cgroup|time):\[\d+\]/g, '$1:[INODE]'],
  // ping and traceroute timings; ping's id is its socket's port.
  [/\btime=\d+(?:\.\d+)? ms\b/g, 'time=T ms'],
  [/, time \d+ms\b/g, ', time Tms'],
  [/\brtt min\/avg\/max\/mdev = [\d./]+ ms/g, 'rtt min/avg/max/mdev = T ms'],
  [/\b\d+\.\d{3} ms\b/g, 'T ms'],
  [/\b(ICMP echo|ICMP6, echo) (request|reply), id \d+/g, '$1 $2, id ID'],
  // tcpdump: timestamps, initial sequence numbers, TCP timestamps, DNS query ids.
  [/^\d{2}:\d{2}:\d{2}\.\d{6} /gm, 'HH:MM:SS.ssssss '],
  [/\b(seq|ack) \d{5,}\b/g, '$1 ISN'],
  [/\bTS val \d+ ecr \d+/g, 'TS val T ecr T'],
  [/(IP6? \S+ > \S+: )\d+/g, '$1QID'],
  // Counts packets the kernel passed until tcpdump closed its socket: racy after `-c N`.
  [/^\d+ packets received by filter$/gm, 'N packets received by filter'],
  // A DNS client's source port is random over the whole range (resolvers pick their own).
  [/(\d+\.\d+\.\d+\.\d+)\.\d+ > (\d+\.\d+\.\d+\.\d+)\.53:/g, '$1.PORT > $2.53:'],
  [/(\d+\.\d+\.\d+\.\d+)\.53 > (\d+\.\d+\.\d+\.\d+)\.\d+:/g, '$1.53 > $2.PORT:'],
  // Ephemeral ports: tcpdump's addr.port, ss's addr:port, conntrack's sport=/dport=.
  [/(\d+\.\d+\.\d+\.\d+)([.:])(\d{5})\b/g, (_, ip, sep, port) => `${ip}${sep}${ephemeral(port)}`],
  [/\b([sd]port)=(\d{5})\b/g, (_, key, port) => `${key}=${ephemeral(port)}`],
  // iptables rules with such ports (Docker's embedded DNS listens on random ones): --sport N, spt:N.
  [/(--[sd]port |\b[sd]pt:)(\d{5})\b/g, (_, key, port) => `${key}${ephemeral(port)}`],
  // conntrack: seconds left before an entry expires.
  [/^(tcp|udp|icmp|icmpv6|sctp)(\s+\d+ )\d+ /gm, '$1$2TTL '],
  // curl's elapsed time in its errors.
  [/\bafter \d+ (ms|milliseconds)\b/g, 'after T $1'],
  // dig: query id, time, date, server cookie; +trace's per-hop time.
  [/\bid: \d+/g, 'id: ID'],
  [/\bQuery time: \d+ msec/g, 'Query time: T msec'],
  [/\bCOOKIE: [0-9a-f]+/g, 'COOKIE: C'],
  [/(#53\([^)]*\)) in \d+ ms/g, '$1 in T ms'],
  // Clock times: dig's WHEN, date(1), web server logs, ISO timestamps.
  [/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}:\d{2} \w+ \d{4}/g, 'DATE'],
  [/\[\d{2}\/\w{3}\/\d{4}[ :]\d{2}:\d{2}:\d{2}(?: [+-]\d{4})?\]/g, '[DATE]'],
  [/\b\d{4}[-/]\d{2}[-/]\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?/g, 'DATETIME'],
  [/ m=\+\d+\.\d+/g, ' m=+T'], // Go's monotonic clock reading in a printed time
  [/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d \d{2}:\d{2}(?::\d{2})?\b/g, 'MMM DD HH:MM'], // ls -l, syslog
  // Handles the kernel numbers qdiscs with when none is given (tc qdisc add ... root tbf).
  [/\b(qdisc \S+ )8[0-9a-f]{3}:/g, '$1AUTO:'],
  // The bridge's running timers in `ip -d link`.
  [/\b(hello_timer|tcn_timer|topology_change_timer|gc_timer)\s+[\d.]+/g, '$1 T'],
  // Process ids (ss -p, ps).
  [/\bpid=\d+/g, 'pid=PID'],
];

export interface Mismatch {
  capture: string;
  /** Human-readable: which steps differ, each with a unified-style diff of the normalised output. */
  report: string;
}

/** Compares a fresh run with the recorded one; undefined when they match after normalise(). */
export function compareOutputs(recorded: CaptureOutput, fresh: CaptureOutput, vary?: string[]): Mismatch | undefined {
  const problems: string[] = [];
  if (recorded.spec !== fresh.spec) problems.push(`the spec changed since ${recorded.capture}.out.yaml was written`);
  const count = Math.max(recorded.steps.length, fresh.steps.length);
  for (let i = 0; i < count; i++) {
    const was = recorded.steps[i];
    const now = fresh.steps[i];
    if (!was || !now || was.run.trimEnd() !== now.run.trimEnd() || was.node !== now.node) {
      problems.push(`step ${i + 1}: recorded "${was?.run ?? '(none)'}", spec now runs "${now?.run ?? '(none)'}"`);
      continue;
    }
    // Both sides alike: an output recorded without hostIndexes is compared the old way.
    const legacy = recorded.hostIndexes ? {} : { hostIndexes: undefined, legacyIndexes: true };
    const before = normalise(was.output, { ...recorded, vary, ...legacy });
    const after = normalise(now.output, { ...fresh, vary, ...legacy });
    if (before !== after) problems.push(`step ${i + 1} on ${now.node}: $ ${now.run.split('\n')[0]}\n${lineDiff(before, after).join('\n')}`);
    if (was.exitCode !== now.exitCode) problems.push(`step ${i + 1} on ${now.node}: exit code ${was.exitCode} recorded, now ${now.exitCode}`);
  }
  if (problems.length === 0) return undefined;
  const image = recorded.image === fresh.image ? '' : ` (recorded on ${recorded.image}, now ${fresh.image})`;
  return { capture: recorded.capture, report: `capture ${recorded.capture}${image}:\n${problems.join('\n')}` };
}

export async function readCaptureOutput(capture: CaptureFile): Promise<CaptureOutput | undefined> {
  const file = outputFile(capture);
  if (!existsSync(file)) return undefined;
  const parsed = CaptureOutput.safeParse(parse(await readFile(file, 'utf8')));
  if (!parsed.success) throw new CaptureError('Invalid', describeZod(file, parsed.error));
  return parsed.data;
}

export async function writeCaptureOutput(capture: CaptureFile, output: CaptureOutput): Promise<void> {
  const header = `# Written by scripts/captures.ts from ${capture.name}.yaml on a real sandbox; never edit by hand.\n`;
  // lineWidth 0: never fold long lines of output.
  await writeFile(outputFile(capture), header + stringify(CaptureOutput.parse(output), { lineWidth: 0 }));
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of results. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
