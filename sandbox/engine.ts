// Netdojo runs its sandboxes on a Docker engine of its own: a dockerd with userns-remap, so
// that root in a lab node (which needs SYS_ADMIN for `ip netns`) is an unprivileged uid on the
// host. userns-remap is daemon-wide, hence a separate daemon with its own socket and data root
// that leaves any other engine on the machine alone.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { request } from 'node:http';
import { dirname } from 'node:path';
import { sandboxConfig, type SandboxConfig } from './config';

export type Log = (line: string) => void;

export interface EngineInfo {
  socketPath: string;
  userns: boolean;
  serverVersion: string;
  kernel: string;
}

/** GET a path of the engine API over its unix socket; resolves undefined when nothing answers. */
function engineGet(socketPath: string, path: string, timeoutMs = 2000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const req = request({ socketPath, path, timeout: timeoutMs }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(res.statusCode === 200 ? body : undefined));
    });
    req.on('error', () => resolve(undefined));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

async function readInfo(socketPath: string): Promise<EngineInfo | undefined> {
  const body = await engineGet(socketPath, '/info');
  if (!body) return undefined;
  const info = JSON.parse(body) as { SecurityOptions?: string[]; ServerVersion: string; KernelVersion: string };
  return {
    socketPath,
    userns: (info.SecurityOptions ?? []).some((o) => o.includes('name=userns')),
    serverVersion: info.ServerVersion,
    kernel: info.KernelVersion,
  };
}

function installDebianPackage(pkg: string, log: Log): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`${pkg} is missing and installing it needs root: run \`sudo apt-get install -y ${pkg}\``);
  }
  log(`installing ${pkg} from Debian's archive`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env });
  if (run(['install', '-y', '-q', pkg]).status !== 0) {
    run(['update', '-q']);
    if (run(['install', '-y', '-q', pkg]).status !== 0) throw new Error(`apt-get could not install ${pkg}`);
  }
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function ensureDebianCommand(cmd: string, pkg: string, log: Log): void {
  if (!hasCommand(cmd)) installDebianPackage(pkg, log);
}

function startDaemon(config: SandboxConfig, log: Log): void {
  ensureDebianCommand('dockerd', 'docker.io', log);
  for (const dir of [dirname(config.socketPath), config.engineDataRoot, dirname(config.engineLogFile)]) {
    mkdirSync(dir, { recursive: true });
  }
  const out = openSync(config.engineLogFile, 'a');
  log(`starting Netdojo's sandbox engine (dockerd --userns-remap=default, log: ${config.engineLogFile})`);
  const daemon = spawn(
    'dockerd',
    [
      `--host=unix://${config.socketPath}`,
      `--data-root=${config.engineDataRoot}`,
      `--exec-root=${dirname(config.socketPath)}/exec`,
      `--pidfile=${dirname(config.socketPath)}/dockerd.pid`,
      '--userns-remap=default',
      // Lab networks are all user-defined and internal; the default bridge would only collide
      // with the docker0 of another engine on this machine.
      '--bridge=none',
      '--ip-masq=false',
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  daemon.unref();
}

/**
 * Returns the engine sandboxes run on, starting Netdojo's own dockerd when the configured socket
 * does not answer. Refuses an engine without a user namespace unless single-user mode was asked for.
 */
export async function ensureEngine(log: Log = () => {}, config: SandboxConfig = sandboxConfig()): Promise<EngineInfo> {
  let info = await readInfo(config.socketPath);
  if (!info) {
    if (config.externalEngine) {
      throw new Error(`the Docker engine at ${config.socketPath} does not answer`);
    }
    if (existsSync(config.socketPath)) log(`stale engine socket at ${config.socketPath}; restarting the engine`);
    startDaemon(config, log);
    const deadline = Date.now() + 90_000;
    while (!info && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 250));
      info = await readInfo(config.socketPath);
    }
    if (!info) throw new Error(`the sandbox engine did not start within 90 s; see ${config.engineLogFile}`);
  }
  if (!info.userns && !config.singleUser) {
    throw new Error(
      `the engine at ${config.socketPath} runs without a user namespace, where a student's SYS_ADMIN ` +
        'reaches the host. Use Netdojo\'s own engine (unset NETDOJO_DOCKER_SOCKET), or set ' +
        'NETDOJO_SINGLE_USER=1 on a machine only you use.',
    );
  }
  if (!info.userns) {
    log('WARNING: single-user mode: sandboxes run without a user namespace; anyone with a lab ' +
      'terminal can take over this machine. Never expose this server to other people.');
  }
  return info;
}
