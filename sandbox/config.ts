// Where the sandbox engine lives and what a node may use, read once from the environment.
import { z } from 'zod';

const bool = z.enum(['0', '1', 'true', 'false', '']).default('').transform((v) => v === '1' || v === 'true');

const Env = z.object({
  NETDOJO_DOCKER_SOCKET: z.string().optional(),
  NETDOJO_ENGINE_ROOT: z.string().default('/var/lib/netdojo/engine'),
  NETDOJO_ENGINE_LOG: z.string().default('/var/log/netdojo/dockerd.log'),
  NETDOJO_SINGLE_USER: bool,
  NETDOJO_IMAGE_BUILD: z.enum(['auto', 'debootstrap', 'dockerfile']).default('auto'),
  NETDOJO_DEBIAN_MIRROR: z.string().url().default('http://deb.debian.org/debian'),
  NETDOJO_CACHE_DIR: z.string().default('/var/cache/netdojo'),
  NETDOJO_NODE_MEMORY_MB: z.coerce.number().int().min(64).default(512),
  NETDOJO_NODE_PIDS: z.coerce.number().int().min(32).default(256),
  NETDOJO_NODE_CPUS: z.coerce.number().min(0.1).default(1),
  NETDOJO_RUN_SUBNET_POOL: z.string().default('100.64.0.0/10'),
});

export interface SandboxConfig {
  socketPath: string;
  /** A socket given by the operator: Netdojo does not start or own that engine. */
  externalEngine: boolean;
  engineDataRoot: string;
  engineLogFile: string;
  singleUser: boolean;
  imageBuild: 'auto' | 'debootstrap' | 'dockerfile';
  debianMirror: string;
  cacheDir: string;
  limits: { memoryBytes: number; pids: number; nanoCpus: number };
  subnetPool: string;
}

export function sandboxConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const e = Env.parse(env);
  return {
    socketPath: e.NETDOJO_DOCKER_SOCKET ?? '/run/netdojo/docker.sock',
    externalEngine: e.NETDOJO_DOCKER_SOCKET !== undefined,
    engineDataRoot: e.NETDOJO_ENGINE_ROOT,
    engineLogFile: e.NETDOJO_ENGINE_LOG,
    singleUser: e.NETDOJO_SINGLE_USER,
    imageBuild: e.NETDOJO_IMAGE_BUILD,
    debianMirror: e.NETDOJO_DEBIAN_MIRROR,
    cacheDir: e.NETDOJO_CACHE_DIR,
    limits: {
      memoryBytes: e.NETDOJO_NODE_MEMORY_MB * 1024 * 1024,
      pids: e.NETDOJO_NODE_PIDS,
      nanoCpus: Math.round(e.NETDOJO_NODE_CPUS * 1e9),
    },
    subnetPool: e.NETDOJO_RUN_SUBNET_POOL,
  };
}
