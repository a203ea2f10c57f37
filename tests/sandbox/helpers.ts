// Shared by the sandbox suites: they all run on the real engine that `npm test` prepared.
import assert from 'node:assert/strict';
import { after } from 'node:test';
import { DockerDriver } from '../../sandbox/docker';
import type { ExecResult, Run, Topology } from '../../sandbox/driver';

export const driver = new DockerDriver();
const created: string[] = [];

after(async () => {
  await Promise.all(created.map((id) => driver.destroyRun(id).catch(() => {})));
});

/** A run destroyed when the test file ends, whatever happens in between. */
export async function startRun(nodes: string[], extra: Partial<Topology> = {}): Promise<Run> {
  const run = await driver.createRun({ nodes: nodes.map((name) => ({ name })), ttlSeconds: 600, ...extra });
  created.push(run.id);
  return run;
}

/** Runs a bash script as root on a node (as a student would type it). */
export function sh(run: Run, node: string, script: string, timeoutMs = 30_000): Promise<ExecResult> {
  return driver.exec(run.id, node, ['bash', '-c', script], { timeoutMs });
}

/** Like sh, but the script must succeed; returns its stdout. */
export async function ok(run: Run, node: string, script: string, timeoutMs?: number): Promise<string> {
  const result = await sh(run, node, script, timeoutMs);
  assert.equal(result.exitCode, 0, `on ${node}: ${script}\nexit ${result.exitCode}\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** The script must fail; returns stdout + stderr for asserting the reason. */
export async function refused(run: Run, node: string, script: string): Promise<string> {
  const result = await sh(run, node, script);
  assert.notEqual(result.exitCode, 0, `on ${node}: expected failure of: ${script}\n${result.stdout}`);
  return result.stdout + result.stderr;
}

export function addressOf(run: Run, node: string, network = 'lab'): string {
  const address = run.nodes.find((n) => n.name === node)?.addresses.find((a) => a.network === network)?.address;
  assert.ok(address, `no address for ${node} on ${network}`);
  return address;
}
