// Builds the lab image, once per definition. The definition is sandbox/images/lab (packages.txt,
// rootfs/, Dockerfile); its content hash names the image, so editing it triggers a rebuild on the
// next start and nothing else does.
//
// Two ways to build: the Dockerfile, for engines that can pull debian:bookworm-slim, and
// debootstrap from Debian's archive + `import`, for machines that reach no container registry.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Docker from 'dockerode';
import { sandboxConfig, type SandboxConfig } from './config';
import { LAB_IMAGE } from './docker';
import { ensureDebianCommand, hasCommand, type Log } from './engine';

// Against the working directory, like every path of Netdojo (lib/env.ts): bundled server code
// has no stable file location to resolve from.
export const LAB_IMAGE_DIR = resolve('sandbox/images/lab');
const HASH_LABEL = 'netdojo.image.hash';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  }).sort();
}

export function labImageHash(dir = LAB_IMAGE_DIR): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(dir)) {
    hash.update(`${relative(dir, file)}\0${statSync(file).mode & 0o100 ? "x" : "-"}\0`).update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

function packages(dir: string): string[] {
  return readFileSync(join(dir, 'packages.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
}

/** Makes sure the current lab image exists and is tagged `netdojo/lab:latest`; returns its tag. */
export async function ensureLabImage(log: Log, config: SandboxConfig = sandboxConfig()): Promise<string> {
  const docker = new Docker({ socketPath: config.socketPath });
  const hash = labImageHash();
  const tag = `netdojo/lab:${hash}`;
  const existing = await docker.getImage(tag).inspect().catch(() => undefined);
  if (existing?.Config?.Labels?.[HASH_LABEL] !== hash) {
    const useDebootstrap = config.imageBuild === 'debootstrap' || (config.imageBuild === 'auto' && (hasCommand('debootstrap') || process.getuid?.() === 0));
    log(`building the lab image ${tag} with ${useDebootstrap ? 'debootstrap' : 'its Dockerfile'} (first start only, about a minute)`);
    const started = Date.now();
    if (useDebootstrap) await buildWithDebootstrap(docker, tag, hash, config, log);
    else await buildWithDockerfile(docker, tag, hash, log);
    log(`lab image ready in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const [repo, latest] = LAB_IMAGE.split(':') as [string, string];
  await docker.getImage(tag).tag({ repo, tag: latest });
  return tag;
}

async function buildWithDockerfile(docker: Docker, tag: string, hash: string, log: Log): Promise<void> {
  const stream = await docker.buildImage(
    { context: LAB_IMAGE_DIR, src: ['Dockerfile', 'packages.txt', ...filesUnder(join(LAB_IMAGE_DIR, 'rootfs')).map((f) => relative(LAB_IMAGE_DIR, f))] },
    { t: tag, labels: { [HASH_LABEL]: hash } },
  );
  await followProgress(docker, stream, (event: { stream?: string; error?: string }) => {
    if (event.error) throw new Error(event.error);
    const line = event.stream?.trim();
    if (line?.startsWith('Step ')) log(line);
  });
}

async function buildWithDebootstrap(docker: Docker, tag: string, hash: string, config: SandboxConfig, log: Log): Promise<void> {
  ensureDebianCommand('debootstrap', 'debootstrap', log);
  const root = join(config.cacheDir, `rootfs-${hash}`);
  const debCache = join(config.cacheDir, 'debs');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(debCache, { recursive: true });
  const pkgs = packages(LAB_IMAGE_DIR);
  try {
    let done = 0;
    await runWithLines(
      'debootstrap',
      ['--variant=minbase', `--cache-dir=${debCache}`, `--include=${pkgs.join(',')}`, 'bookworm', root, config.debianMirror],
      (line) => {
        // debootstrap prints one "I: Configuring <pkg>..." per package near the end; that is the
        // most useful progress a person can watch.
        const m = /^I: (Retrieving|Validating|Extracting|Unpacking|Configuring) (\S+?)\.*$/.exec(line);
        if (m?.[1] === 'Configuring' && ++done % 25 === 0) log(`lab image: ${done} packages configured`);
        else if (/^I: (Retrieving Release|Base system installed)/.test(line)) log(`lab image: ${line.slice(3)}`);
        else if (/^E: /.test(line)) log(line);
      },
    );
    cpSync(join(LAB_IMAGE_DIR, 'rootfs'), root, { recursive: true });
    for (const dir of ['var/cache/apt/archives', 'var/lib/apt/lists']) {
      rmSync(join(root, dir), { recursive: true, force: true });
      mkdirSync(join(root, dir, 'partial'), { recursive: true });
    }
    log('lab image: importing into the engine');
    const tar = spawn('tar', ['--numeric-owner', '-C', root, '-c', '.'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const [repo, version] = tag.split(':');
    const stream = await docker.importImage(tar.stdout, {
      repo,
      tag: version,
      changes: [
        `LABEL ${HASH_LABEL}=${hash}`,
        'WORKDIR /root',
        'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/sbin/netdojo-init"]',
      ],
    } as Record<string, unknown>);
    await followProgress(docker, stream as NodeJS.ReadableStream, (event: { error?: string }) => {
      if (event.error) throw new Error(event.error);
    });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

// Engine progress events are loosely typed JSON; each caller reads the fields it knows.
function followProgress(docker: Docker, stream: NodeJS.ReadableStream, onEvent: (e: any) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (err: Error | null) => (err ? reject(err) : resolve()), (event: unknown) => {
      try {
        onEvent(event);
      } catch (err) {
        reject(err);
      }
    });
  });
}

function runWithLines(cmd: string, args: string[], onLine: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        onLine(line);
      });
    }
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}:\n${tail.join('\n')}`))));
  });
}
