// The trusted grader: one long-lived container of Netdojo's own per engine, from the lab image
// with a read-only root, in the host's PID and user namespaces so that it can enter any node's
// network namespace (nsenter) and read its files through /proc/PID/root. Students never get a
// shell here; only lab check scripts, which instructors wrote, run in it.
//
// Measured (sandbox-facts.md): under userns-remap, entering a node's namespaces from a
// host-namespace process works and sees the real state after a student replaced the node's
// binaries; a grader joined to the node's network with a shared /run/netns does not.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type Docker from 'dockerode';

// Read on first use, against the working directory (lib/env.ts says why).
let graderLib: string | undefined;
const GRADER_LIB = () => (graderLib ??= readFileSync(resolve('sandbox/grader/lib.sh'), 'utf8'));

export class GraderContainer {
  private ready: Promise<Docker.Container> | undefined;

  constructor(
    private readonly docker: Docker,
    private readonly image: () => Promise<string>,
  ) {}

  /** The running grader, created (or replaced when the lab image changed) on first use. */
  container(): Promise<Docker.Container> {
    this.ready ??= this.start().catch((err) => {
      this.ready = undefined;
      throw err;
    });
    return this.ready;
  }

  /** The grader library followed by the check script, as one bash program. */
  static program(script: string): string[] {
    return ['bash', '-c', `${GRADER_LIB()}\n${script}`];
  }

  private async start(): Promise<Docker.Container> {
    const imageId = await this.image();
    const name = `netdojo-grader-${imageId.replace(/^sha256:/, '').slice(0, 12)}`;
    const existing = this.docker.getContainer(name);
    const state = await existing.inspect().catch(() => undefined);
    if (state?.State.Running) return existing;
    if (state) await existing.remove({ force: true });
    await this.removeOutdated(name);
    const container = await this.docker.createContainer({
      name,
      Image: imageId,
      Entrypoint: ['/usr/bin/tini', '--', 'sleep', 'infinity'],
      Labels: { 'netdojo.grader': '1' },
      HostConfig: {
        UsernsMode: 'host',
        PidMode: 'host',
        NetworkMode: 'none',
        ReadonlyRootfs: true,
        Tmpfs: { '/tmp': 'rw,nosuid,nodev,size=16m' },
        CapDrop: ['ALL'],
        // setns into a node's namespaces (SYS_ADMIN), open /proc/PID/ns of other processes
        // (SYS_PTRACE), send probes (NET_RAW, NET_ADMIN), read any file of the node (DAC_*).
        CapAdd: ['SYS_ADMIN', 'SYS_PTRACE', 'NET_ADMIN', 'NET_RAW', 'DAC_OVERRIDE', 'DAC_READ_SEARCH', 'KILL'],
        SecurityOpt: ['no-new-privileges'],
        Memory: 256 * 1024 * 1024,
        PidsLimit: 512,
      },
    });
    await container.start();
    return container;
  }

  private async removeOutdated(current: string): Promise<void> {
    const old = await this.docker.listContainers({ all: true, filters: JSON.stringify({ label: ['netdojo.grader=1'] }) });
    await Promise.all(
      old.filter((c) => !c.Names.includes(`/${current}`)).map((c) => this.docker.getContainer(c.Id).remove({ force: true })),
    );
  }
}
