// The raw engine, used the plainest way, for the benchmark's reference figures: what `docker
// run`, `docker exec` and `docker rm -f` of the same image cost without anything Netdojo adds.
import { existsSync, readFileSync } from 'node:fs';
import Docker from 'dockerode';
import { sandboxConfig } from './config';
import { LAB_IMAGE } from './docker';

const docker = new Docker({ socketPath: sandboxConfig().socketPath });
const LABEL = { 'netdojo.baseline': '1' };

/** `docker run -d` of the lab image on `network` (or none), then exec until one succeeds. */
export async function plainRun(name: string, network?: string): Promise<string> {
  const container = await docker.createContainer({
    name,
    Image: LAB_IMAGE,
    Labels: LABEL,
    HostConfig: { NetworkMode: network ?? 'none' },
  });
  await container.start();
  while ((await plainExec(container.id).catch(() => 1)) !== 0) await new Promise((r) => setTimeout(r, 5));
  return container.id;
}

/** `docker exec ID true`: create, start, read to the end, inspect the exit code. */
export async function plainExec(id: string, cmd = ['true']): Promise<number> {
  const exec = await docker.getContainer(id).exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({});
  await new Promise((resolve) => {
    stream.on('end', resolve);
    stream.resume();
  });
  return (await exec.inspect()).ExitCode ?? -1;
}

export async function plainNetwork(name: string): Promise<string> {
  return (await docker.createNetwork({ Name: name, Internal: true, Labels: LABEL })).id;
}

export async function plainRemove(containerIds: string[], networkId?: string): Promise<void> {
  await Promise.all(containerIds.map((id) => docker.getContainer(id).remove({ force: true })));
  if (networkId) await docker.getNetwork(networkId).remove();
}

/** Removes what an interrupted benchmark left behind. */
export async function removeBaselineLeftovers(): Promise<void> {
  const filters = JSON.stringify({ label: ['netdojo.baseline=1'] });
  for (const c of await docker.listContainers({ all: true, filters })) await docker.getContainer(c.Id).remove({ force: true });
  for (const n of await docker.listNetworks({ filters })) await docker.getNetwork(n.Id).remove();
}

/**
 * Memory charged to each running container carrying `label` (its cgroup's usage: processes,
 * page cache, kernel memory), in bytes. Unlike the host's free memory, this is not disturbed by
 * whatever else the machine is doing.
 */
export async function containerMemory(label: string): Promise<number[]> {
  const containers = await docker.listContainers({ filters: JSON.stringify({ label: [label] }) });
  return containers.flatMap((c) => {
    const file = [
      `/sys/fs/cgroup/memory/docker/${c.Id}/memory.usage_in_bytes`,
      `/sys/fs/cgroup/system.slice/docker-${c.Id}.scope/memory.current`,
    ].find(existsSync);
    return file ? [Number(readFileSync(file, 'utf8'))] : [];
  });
}
