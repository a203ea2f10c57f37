// The Docker implementation of SandboxDriver: the only module besides docker-image.ts that
// imports dockerode. Engine objects are turned into sandbox/driver.ts types before they leave.
import { randomBytes, createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { posix } from 'node:path';
import { PassThrough, type Duplex, type Readable } from 'node:stream';
import Docker from 'dockerode';
import { extract as tarExtract, pack as tarPack } from 'tar-stream';
import { sandboxConfig, type SandboxConfig } from './config';
import {
  SandboxError,
  type ExecOptions,
  type ExecResult,
  type FileEntry,
  type GcReport,
  type Run,
  type RunNode,
  type SandboxDriver,
  type Topology,
  type TtySession,
} from './driver';
import { GraderContainer } from './docker-grader';
import { closeBridge, openBridge, removeStaleBridgeRules } from './host-firewall';
import { SubnetPool } from './subnets';

const LABEL = {
  run: 'netdojo.run',
  node: 'netdojo.node',
  network: 'netdojo.network',
  expires: 'netdojo.expires',
  owner: 'netdojo.owner',
} as const;

/**
 * What a student's lab actions need (sandbox-facts.md): NET_ADMIN for links, addresses and
 * iptables; NET_RAW for ping inside a netns and tcpdump; SYS_ADMIN for `ip netns` bind mounts.
 * SYS_ADMIN is only safe because the engine maps container root to an unprivileged host uid.
 */
const NODE_CAPABILITIES = [
  'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'SETUID', 'SETGID', 'KILL',
  'NET_BIND_SERVICE', 'NET_RAW', 'NET_ADMIN', 'SYS_ADMIN',
];

const MAX_OUTPUT_BYTES = 1024 * 1024;
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const NODE_NAME = /^[a-z][a-z0-9-]{0,30}$/;

export const LAB_IMAGE = 'netdojo/lab:latest';

/** Identifies this process across restarts of the machine's pid counter (pid + start time). */
function ownerTag(pid = process.pid): string {
  return `${hostname()}/${pid}/${processStartTime(pid)}`;
}

function processStartTime(pid: number): string {
  try {
    // Field 22 of /proc/PID/stat; the command name (field 2) may contain spaces, so split after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function ownerIsAlive(tag: string | undefined): boolean {
  if (!tag) return false;
  const [host, pid, start] = tag.split('/');
  // Another machine's process cannot be judged from here; its runs go by their TTL.
  if (host !== hostname()) return true;
  return processStartTime(Number(pid)) === start;
}

function containerName(runId: string, node: string): string {
  return `nd-${runId}-${node}`;
}

/** Bridge names are limited to 15 characters and identify Netdojo's rules on the host. */
function bridgeName(runId: string, network: string): string {
  return 'nd' + createHash('sha256').update(`${runId}/${network}`).digest('hex').slice(0, 10);
}

function statusCode(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'statusCode' in err ? Number(err.statusCode) : undefined;
}

function collect(stream: Readable, limit: number): { text: () => string } {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    // Keep the tail: the end of a command's output is where its verdict is.
    while (size > limit && chunks.length > 1) size -= chunks.shift()!.length;
  });
  return { text: () => Buffer.concat(chunks).toString('utf8') };
}

export class DockerDriver implements SandboxDriver {
  private readonly docker: Docker;
  private readonly subnets: SubnetPool;
  private readonly grader: GraderContainer;

  constructor(private readonly config: SandboxConfig = sandboxConfig()) {
    this.docker = new Docker({ socketPath: config.socketPath });
    this.subnets = new SubnetPool(config.subnetPool);
    this.grader = new GraderContainer(this.docker, async () => (await this.docker.getImage(LAB_IMAGE).inspect()).Id);
  }

  async createRun(topology: Topology, runId = 'r' + randomBytes(5).toString('hex')): Promise<Run> {
    const nodes = this.planNodes(topology);
    const expiresAt = new Date(Date.now() + topology.ttlSeconds * 1000);
    const labels = { [LABEL.run]: runId, [LABEL.expires]: String(expiresAt.getTime()), [LABEL.owner]: ownerTag() };
    try {
      const networkNames = ['lab', ...(topology.networks ?? [])];
      const networks = await Promise.all(networkNames.map((n) => this.createNetwork(runId, n, labels)));
      const subnetOf = new Map(networks.map((n) => [n.name, n.subnet]));
      const addressOn = (network: string, host: number) => this.subnets.address(subnetOf.get(network)!, host);
      const extraHosts = (self: string) => nodes.filter((n) => n.name !== self).map((n) => `${n.name}:${addressOn('lab', n.host)}`);

      const runNodes = await Promise.all(
        nodes.map(async (node): Promise<RunNode> => {
          const joined = ['lab', ...node.networks];
          const container = await this.docker.createContainer({
            name: containerName(runId, node.name),
            Image: topology.image ?? LAB_IMAGE,
            Hostname: node.name,
            Labels: { ...labels, [LABEL.node]: node.name },
            WorkingDir: '/root',
            Env: ['TERM=xterm-256color', 'HOME=/root', `NETDOJO_NODE=${node.name}`],
            HostConfig: {
              NetworkMode: `nd-${runId}-lab`,
              CapDrop: ['ALL'],
              CapAdd: NODE_CAPABILITIES,
              SecurityOpt: ['no-new-privileges'],
              Memory: this.config.limits.memoryBytes,
              MemorySwap: this.config.limits.memoryBytes,
              PidsLimit: this.config.limits.pids,
              NanoCpus: this.config.limits.nanoCpus,
              Tmpfs: { '/tmp': 'rw,nosuid,nodev,size=64m' },
              ExtraHosts: extraHosts(node.name),
              // iproute2 remounts /sys when entering a named netns, and the kernel allows a new
              // sysfs in a user namespace only while a fully visible sysfs is mounted somewhere
              // in the container. A read-only bind of the host's /sys is that sysfs.
              Mounts: [{ Type: 'bind', Source: '/sys', Target: '/run/netdojo/sysfs', ReadOnly: true }],
            },
            NetworkingConfig: {
              EndpointsConfig: {
                [`nd-${runId}-lab`]: { IPAMConfig: { IPv4Address: addressOn('lab', node.host) }, Aliases: [node.name] },
              },
            },
          });
          // Engine API 1.41 takes one network at create time; the others join before start.
          for (const network of joined.slice(1)) {
            await this.docker.getNetwork(`nd-${runId}-${network}`).connect({
              Container: container.id,
              EndpointConfig: { IPAMConfig: { IPv4Address: addressOn(network, node.host) } },
            });
          }
          await container.start();
          const hostPid = (await container.inspect()).State.Pid;
          await waitForInit(hostPid);
          return {
            name: node.name,
            hostPid,
            addresses: joined.map((network) => ({
              network,
              subnet: subnetOf.get(network)!,
              address: addressOn(network, node.host),
            })),
          };
        }),
      );
      await Promise.all(networks.map((n) => n.firewall));
      return { id: runId, nodes: runNodes, expiresAt };
    } catch (err) {
      await this.destroyRun(runId).catch(() => {});
      if (err instanceof SandboxError) throw err;
      throw new SandboxError('EngineUnavailable', `could not create the sandbox: ${(err as Error).message}`);
    }
  }

  private planNodes(topology: Topology) {
    const { nodes } = topology;
    if (nodes.length < 1 || nodes.length > 3) throw new SandboxError('BadTopology', 'a run has 1 to 3 nodes');
    const extra = new Set(topology.networks ?? []);
    const seenNames = new Set<string>();
    const seenHosts = new Set<number>();
    return nodes.map((node, i) => {
      const host = node.host ?? 11 + i;
      if (!NODE_NAME.test(node.name)) throw new SandboxError('BadTopology', `bad node name "${node.name}"`);
      if (seenNames.has(node.name)) throw new SandboxError('BadTopology', `node "${node.name}" appears twice`);
      if (host < 2 || host > 254 || seenHosts.has(host)) {
        throw new SandboxError('BadTopology', `node "${node.name}": host number ${host} is taken or outside 2-254`);
      }
      for (const n of node.networks ?? []) {
        if (!extra.has(n)) throw new SandboxError('BadTopology', `node "${node.name}" joins unknown network "${n}"`);
      }
      seenNames.add(node.name);
      seenHosts.add(host);
      return { name: node.name, host, networks: node.networks ?? [] };
    });
  }

  private async createNetwork(runId: string, name: string, labels: Record<string, string>) {
    const bridge = bridgeName(runId, name);
    // Concurrent servers may race for a subnet: the engine refuses overlaps, so draw again.
    for (let attempt = 0; attempt < 16; attempt++) {
      const subnet = this.subnets.draw();
      try {
        await this.docker.createNetwork({
          Name: `nd-${runId}-${name}`,
          Driver: 'bridge',
          Internal: true,
          CheckDuplicate: true,
          IPAM: { Driver: 'default', Config: [{ Subnet: subnet, Gateway: this.subnets.address(subnet, 1) }] },
          Options: {
            'com.docker.network.bridge.name': bridge,
            'com.docker.network.bridge.enable_ip_masquerade': 'false',
          },
          Labels: { ...labels, [LABEL.network]: name },
        });
        // The rules go in while the nodes are created; createRun awaits them before it returns.
        const firewall = openBridge(bridge);
        firewall.catch(() => {}); // awaited (and its error raised) by createRun
        return { name, subnet, firewall };
      } catch (err) {
        if (/overlap/i.test((err as Error).message)) continue;
        throw err;
      }
    }
    throw new SandboxError('OutOfSubnets', 'no free subnet for a lab network; too many runs are active');
  }

  private container(runId: string, node: string) {
    return this.docker.getContainer(containerName(runId, node));
  }

  private async createExec(runId: string, node: string, options: Docker.ExecCreateOptions) {
    try {
      return await this.container(runId, node).exec(options);
    } catch (err) {
      const code = statusCode(err);
      if (code === 404) throw new SandboxError('NodeNotFound', `node "${node}" of run ${runId} does not exist`);
      if (code === 409) throw new SandboxError('NodeNotRunning', `node "${node}" of run ${runId} is not running`);
      throw new SandboxError('EngineUnavailable', (err as Error).message);
    }
  }

  async exec(runId: string, node: string, cmd: string[], options: ExecOptions = {}): Promise<ExecResult> {
    return this.runExec(await this.createExec(runId, node, this.execOptions(cmd, options)), options);
  }

  async execTrusted(runId: string, node: string, script: string, options: ExecOptions = {}): Promise<ExecResult> {
    const pids = await this.nodePids(runId);
    const pid = pids.get(node);
    if (!pid) throw new SandboxError('NodeNotFound', `node "${node}" of run ${runId} is not running`);
    const env = {
      ...options.env,
      NODE: node,
      NODE_PID: String(pid),
      NODE_PIDS: [...pids].map(([name, p]) => `${name}=${p}`).join(' '),
    };
    const grader = await this.grader.container();
    const exec = await grader.exec(this.execOptions(GraderContainer.program(script), { ...options, env, workdir: '/tmp' }));
    return this.runExec(exec, options);
  }

  /** Host PIDs of the run's running nodes, read fresh: a server restart keeps no state. */
  private async nodePids(runId: string): Promise<Map<string, number>> {
    const containers = await this.docker.listContainers({ filters: JSON.stringify({ label: [`${LABEL.run}=${runId}`] }) });
    if (containers.length === 0) throw new SandboxError('RunNotFound', `run ${runId} does not exist`);
    const inspected = await Promise.all(containers.map((c) => this.docker.getContainer(c.Id).inspect()));
    return new Map(inspected.map((c) => [c.Config.Labels[LABEL.node]!, c.State.Pid]));
  }

  private execOptions(cmd: string[], options: ExecOptions): Docker.ExecCreateOptions {
    return {
      Cmd: cmd,
      AttachStdin: options.stdin !== undefined,
      AttachStdout: true,
      AttachStderr: true,
      Env: Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`),
      WorkingDir: options.workdir,
    };
  }

  private async runExec(exec: Docker.Exec, options: ExecOptions): Promise<ExecResult> {
    const hasStdin = options.stdin !== undefined;
    const stream = (await exec.start({ hijack: hasStdin, stdin: hasStdin })) as Duplex;
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = collect(stdout, MAX_OUTPUT_BYTES);
    const err = collect(stderr, MAX_OUTPUT_BYTES);
    this.docker.modem.demuxStream(stream, stdout, stderr);
    if (hasStdin) stream.end(options.stdin);

    let timedOut = false;
    await new Promise<void>((resolve) => {
      const timers: NodeJS.Timeout[] = [];
      const finish = () => {
        timers.forEach(clearTimeout);
        resolve();
      };
      stream.once('end', finish);
      stream.once('close', finish);
      stream.once('error', finish);
      if (options.timeoutMs) {
        timers.push(setTimeout(async () => {
          timedOut = true;
          await killExec(exec);
          stream.destroy();
        }, options.timeoutMs));
      }
      // A daemon started in the background keeps the output pipe open after the command
      // returned; the command is done when its process is, not when the pipe closes.
      const poll = async () => {
        const state = await exec.inspect().catch(() => undefined);
        if (state && !state.Running) timers.push(setTimeout(() => stream.destroy(), 100));
        else timers.push(setTimeout(poll, 500));
      };
      timers.push(setTimeout(poll, 500));
    });
    const state = await exec.inspect();
    return {
      exitCode: timedOut ? 124 : (state.ExitCode ?? -1),
      stdout: out.text(),
      stderr: err.text(),
      timedOut,
    };
  }

  async openTty(runId: string, node: string, opts: { cols: number; rows: number; cmd?: string[] }): Promise<TtySession> {
    const exec = await this.createExec(runId, node, {
      Cmd: opts.cmd ?? ['/bin/bash', '-l'],
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Env: ['TERM=xterm-256color'],
      WorkingDir: '/root',
    });
    const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as Duplex;
    const resize = async (cols: number, rows: number) => {
      await exec.resize({ w: cols, h: rows }).catch(() => {});
    };
    await resize(opts.cols, opts.rows);
    const exited = new Promise<number>((resolve) => {
      stream.once('close', async () => resolve((await exec.inspect().catch(() => undefined))?.ExitCode ?? -1));
    });
    return {
      stream,
      resize,
      exited,
      close: () => {
        // The shell sees its terminal hang up (SIGHUP), as when an ssh session drops.
        stream.destroy();
        void killExec(exec);
      },
    };
  }

  async readFile(runId: string, node: string, path: string): Promise<Buffer> {
    assertAbsolute(path);
    let archive: NodeJS.ReadableStream;
    try {
      archive = await this.container(runId, node).getArchive({ path });
    } catch (err) {
      if (statusCode(err) === 404) throw new SandboxError('FileNotFound', `${path}: no such file on ${node}`);
      throw fileError(err, `open ${path}`, node);
    }
    return new Promise((resolve, reject) => {
      const extract = tarExtract();
      let content: Buffer | undefined;
      extract.on('entry', (header, body, next) => {
        if (content !== undefined || header.type !== 'file') {
          if (content === undefined) reject(new SandboxError('FileNotFound', `${path} is not a regular file`));
          body.resume();
          body.on('end', next);
          return;
        }
        if ((header.size ?? 0) > MAX_FILE_BYTES) {
          reject(new SandboxError('FileNotFound', `${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB`));
          extract.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        body.on('data', (c) => void chunks.push(c as Buffer));
        body.on('end', () => {
          content = Buffer.concat(chunks);
          next();
        });
      });
      extract.on('finish', () => (content ? resolve(content) : reject(new SandboxError('FileNotFound', `${path}: empty archive`))));
      extract.on('error', reject);
      (archive as Readable).pipe(extract);
    });
  }

  async writeFile(runId: string, node: string, path: string, content: string | Buffer, mode = 0o644): Promise<void> {
    assertAbsolute(path);
    const tar = tarPack();
    tar.entry({ name: posix.basename(path), mode, mtime: new Date() }, Buffer.from(content));
    tar.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of tar) chunks.push(chunk as Buffer);
    try {
      await this.container(runId, node).putArchive(Buffer.concat(chunks), { path: posix.dirname(path) });
    } catch (err) {
      if (statusCode(err) === 404) throw new SandboxError('FileNotFound', `${posix.dirname(path)}: no such directory on ${node}`);
      throw fileError(err, `save ${path}`, node, posix.dirname(path));
    }
  }

  async listFiles(runId: string, node: string, dir: string): Promise<FileEntry[]> {
    assertAbsolute(dir);
    const result = await this.exec(runId, node, ['find', dir, '-mindepth', '1', '-maxdepth', '1', '-printf', '%y\\t%s\\t%f\\n'], { timeoutMs: 10_000 });
    if (result.exitCode !== 0) throw new SandboxError('FileNotFound', `${dir}: ${result.stderr.trim() || 'cannot list'}`);
    const types: Record<string, FileEntry['type']> = { f: 'file', d: 'dir', l: 'link' };
    return result.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [type, size, name] = line.split('\t');
        return { name: name!, type: types[type!] ?? 'other', size: Number(size) };
      })
      .sort((a, b) => (a.type === 'dir') === (b.type === 'dir') ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1);
  }

  async destroyRun(runId: string): Promise<void> {
    const filters = JSON.stringify({ label: [`${LABEL.run}=${runId}`] });
    const [containers, networks] = await Promise.all([
      this.docker.listContainers({ all: true, filters }),
      this.docker.listNetworks({ filters }),
    ]);
    const ignoreGone = (err: unknown) => {
      if (statusCode(err) !== 404) throw err;
    };
    await Promise.all([
      ...containers.map((c) => this.docker.getContainer(c.Id).remove({ force: true, v: true }).catch(ignoreGone)),
      ...networks.map((n) => closeBridge(n.Options?.['com.docker.network.bridge.name'] ?? '')),
    ]);
    await Promise.all(networks.map((n) => this.docker.getNetwork(n.Id).remove().catch(ignoreGone)));
  }

  async listRuns(): Promise<Run[]> {
    const containers = await this.docker.listContainers({ all: true, filters: JSON.stringify({ label: [LABEL.run] }) });
    const runs = new Map<string, Run>();
    for (const c of containers) {
      const id = c.Labels[LABEL.run]!;
      const run = runs.get(id) ?? { id, nodes: [], expiresAt: new Date(Number(c.Labels[LABEL.expires])) };
      // Another process may destroy the run between the listing and this look.
      const inspect = await this.docker.getContainer(c.Id).inspect().catch((err) => {
        if (statusCode(err) === 404) return undefined;
        throw err;
      });
      if (!inspect) continue;
      run.nodes.push({
        name: c.Labels[LABEL.node]!,
        hostPid: inspect.State.Pid,
        addresses: Object.entries(inspect.NetworkSettings.Networks).map(([net, ep]) => ({
          network: net.replace(`nd-${id}-`, ''),
          subnet: `${ep.IPAddress}/${ep.IPPrefixLen}`,
          address: ep.IPAddress,
        })),
      });
      runs.set(id, run);
    }
    return [...runs.values()];
  }

  async gc(options: { all?: boolean; keep?: (runId: string) => boolean } = {}): Promise<GcReport> {
    const filters = JSON.stringify({ label: [LABEL.run] });
    const [containers, networks] = await Promise.all([
      this.docker.listContainers({ all: true, filters }),
      this.docker.listNetworks({ filters }),
    ]);
    const labelsByRun = new Map<string, Record<string, string>>();
    for (const item of [...containers.map((c) => c.Labels), ...networks.map((n) => n.Labels ?? {})]) {
      labelsByRun.set(item[LABEL.run]!, item);
    }
    const doomed = [...labelsByRun].filter(([runId, labels]) => {
      if (options.keep?.(runId)) return false;
      if (options.all) return true;
      return Number(labels[LABEL.expires]) < Date.now() || !ownerIsAlive(labels[LABEL.owner]);
    }).map(([runId]) => runId);
    await Promise.all(doomed.map((runId) => this.destroyRun(runId)));
    await removeStaleBridgeRules();
    const inRun = (labels: Record<string, string> | undefined) => doomed.includes(labels?.[LABEL.run] ?? '');
    return {
      runs: doomed,
      containers: containers.filter((c) => inRun(c.Labels)).length,
      networks: networks.filter((n) => inRun(n.Labels)).length,
    };
  }
}

/** Linux's limits on a name and a path; beyond them the engine answers with host paths in its text. */
const NAME_MAX = 255;
const PATH_MAX = 4096;

function assertAbsolute(path: string): void {
  if (!posix.isAbsolute(path) || path.split('/').includes('..')) {
    throw new SandboxError('BadPath', `${path}: give an absolute path without ".."`);
  }
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(path)) throw new SandboxError('BadPath', `${JSON.stringify(path)}: a path cannot hold a newline or other control characters`);
  if (Buffer.byteLength(path) > PATH_MAX) throw new SandboxError('BadPath', `that path is longer than ${PATH_MAX} bytes`);
  const long = path.split('/').find((name) => Buffer.byteLength(name) > NAME_MAX);
  if (long) throw new SandboxError('BadPath', `"${long.slice(0, 24)}…" is longer than ${NAME_MAX} bytes, the most a file name may have`);
}

/**
 * The engine's answer to a file operation it refused, in words about the node's own paths. The
 * engine's text names its storage on the host (/var/lib/.../overlay2/<id>/merged/...): that
 * goes to the server's log only.
 */
function fileError(err: unknown, what: string, node: string, dir?: string): SandboxError {
  const detail = (err as Error).message;
  if (dir && /not a directory/i.test(detail)) return new SandboxError('BadPath', `cannot ${what}: ${dir} is a file, not a folder`);
  if (/name too long/i.test(detail)) return new SandboxError('BadPath', `cannot ${what}: a name in the path is too long`);
  if (/permission denied|read-only file system/i.test(detail)) return new SandboxError('BadPath', `cannot ${what}: ${node} does not allow it (permission denied)`);
  console.error(`[netdojo] engine refused to ${what} on ${node}: ${detail}`);
  return new SandboxError('EngineUnavailable', `cannot ${what} on ${node}`);
}

/** The engine has no "kill exec" call; the exec's process is killed from the host by its pid. */
async function killExec(exec: Docker.Exec): Promise<void> {
  const state = await exec.inspect().catch(() => undefined);
  if (state?.Running && state.Pid) {
    try {
      process.kill(state.Pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

/** netdojo-init marks the node ready once /etc files and /proc/sys/net are set up for students. */
async function waitForInit(hostPid: number): Promise<void> {
  const marker = `/proc/${hostPid}/root/run/netdojo/ready`;
  const deadline = Date.now() + 30_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) throw new SandboxError('EngineUnavailable', 'a lab node did not finish starting within 30 s');
    await new Promise((r) => setTimeout(r, 5));
  }
}
