// `npm run bench`: the sandbox engine's speed and footprint, each beside the raw engine's own
// figure measured in the same run on the same image. Figures are printed, never asserted:
// machines differ, ratios travel. Targets: start within 1.3x of the raw engine, exec within 1.2x.
import { readFileSync } from 'node:fs';
import { DockerDriver } from '../sandbox/docker';
import { containerMemory, plainExec, plainNetwork, plainRemove, plainRun, removeBaselineLeftovers } from '../sandbox/docker-baseline';

const driver = new DockerDriver();
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}
const memAvailable = () => Number(/MemAvailable:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))![1]) * 1024;
const settle = () => new Promise((r) => setTimeout(r, 2000));

const rows: { what: string; netdojo: number; raw: number; unit: string; target?: number }[] = [];

async function startAndDestroy(nodes: number) {
  const ours = { start: [] as number[], destroy: [] as number[] };
  const raw = { start: [] as number[], destroy: [] as number[] };
  const names = ['node01', 'node02', 'node03'].slice(0, nodes);
  for (let i = 0; i < ROUNDS; i++) {
    // Interleaved, so that both sides see the same machine state.
    const [tStart, run] = await timed(async () => {
      const r = await driver.createRun({ nodes: names.map((name) => ({ name })), ttlSeconds: 300 });
      await Promise.all(names.map((n) => driver.exec(r.id, n, ['true'])));
      return r;
    });
    ours.start.push(tStart);
    ours.destroy.push((await timed(() => driver.destroyRun(run.id)))[0]);

    const [tRaw, plain] = await timed(async () => {
      // A Netdojo run is nodes on a private network: the raw equivalent is `docker network
      // create --internal` plus `docker run --network` of each node.
      const network = await plainNetwork(`nd-bench-${i}`);
      const ids = await Promise.all(names.map((n) => plainRun(`nd-bench-${i}-${n}`, network)));
      return { ids, network };
    });
    raw.start.push(tRaw);
    raw.destroy.push((await timed(() => plainRemove(plain.ids, plain.network)))[0]);
  }
  rows.push({ what: `cold start to first exec, ${nodes} node${nodes > 1 ? 's' : ''}`, netdojo: median(ours.start), raw: median(raw.start), unit: 'ms', target: 1.3 });
  rows.push({ what: `destroy, ${nodes} node${nodes > 1 ? 's' : ''}`, netdojo: median(ours.destroy), raw: median(raw.destroy), unit: 'ms' });
}

/** For reference: a bare `docker run --network none`, which no lab could use (no eth0). */
async function bareStart() {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const [t, id] = await timed(() => plainRun(`nd-bench-bare-${i}`));
    times.push(t);
    await plainRemove([id]);
  }
  return median(times);
}

async function execRoundTrip() {
  const run = await driver.createRun({ nodes: [{ name: 'node01' }], ttlSeconds: 300 });
  const plainId = await plainRun('nd-bench-exec');
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < ROUNDS * 5; i++) {
    ours.push((await timed(() => driver.exec(run.id, 'node01', ['true'])))[0]);
    raw.push((await timed(() => plainExec(plainId)))[0]);
  }
  rows.push({ what: 'exec round trip (`true`)', netdojo: median(ours), raw: median(raw), unit: 'ms', target: 1.2 });
  await driver.destroyRun(run.id);
  await plainRemove([plainId]);
}

async function idleFootprint(count: number) {
  await settle();
  const before = memAvailable();
  const runs = [];
  for (let i = 0; i < count / 3; i++) {
    runs.push(await driver.createRun({ nodes: [{ name: 'node01' }, { name: 'node02' }, { name: 'node03' }], ttlSeconds: 600 }));
  }
  await settle();
  const ours = (before - memAvailable()) / count;
  const oursCgroup = median(await containerMemory('netdojo.run'));
  const alive = (await Promise.all(runs.flatMap((r) => r.nodes.map((n) => driver.exec(r.id, n.name, ['true']))))).filter((r) => r.exitCode === 0).length;
  await Promise.all(runs.map((r) => driver.destroyRun(r.id)));

  await settle();
  const rawBefore = memAvailable();
  const ids = [];
  for (let i = 0; i < count; i++) ids.push(await plainRun(`nd-bench-idle-${i}`));
  await settle();
  const raw = (rawBefore - memAvailable()) / count;
  const rawCgroup = median(await containerMemory('netdojo.baseline=1'));
  await plainRemove(ids);

  rows.push({ what: 'idle memory per node (its cgroup, median)', netdojo: oursCgroup / 2 ** 20, raw: rawCgroup / 2 ** 20, unit: 'MiB' });
  // Host-wide figure (shim, network endpoints...): meaningful only on an otherwise idle machine.
  rows.push({ what: 'idle host memory per node (MemAvailable drop / nodes)', netdojo: ours / 2 ** 20, raw: raw / 2 ** 20, unit: 'MiB' });
  return { alive, perNode: ours };
}

await removeBaselineLeftovers();
await startAndDestroy(1);
await startAndDestroy(3);
const bare = await bareStart();
await execRoundTrip();
const idle = await idleFootprint(Number(process.env.BENCH_IDLE_NODES ?? 30));

console.log(`\nNetdojo sandbox benchmark (median of ${ROUNDS} rounds; raw = the same engine and image used plainly)\n`);
console.log('| measure | Netdojo | raw engine | ratio | target |');
console.log('|---|---:|---:|---:|---|');
for (const r of rows) {
  const ratio = r.netdojo / r.raw;
  const target = r.target ? `${r.target}x ${ratio <= r.target ? 'met' : 'MISSED'}` : '';
  console.log(`| ${r.what} | ${r.netdojo.toFixed(1)} ${r.unit} | ${r.raw.toFixed(1)} ${r.unit} | ${ratio.toFixed(2)}x | ${target} |`);
}
console.log(`\nreference: a bare \`docker run --network none\` of the image to its first exec takes ${bare.toFixed(1)} ms.`);
const capacity = Math.floor((memAvailable() * 0.8) / Math.max(idle.perNode, 4 * 2 ** 20));
console.log(`\nidle nodes held at once: ${idle.alive} started and answering; by memory this machine holds about ${capacity} more idle nodes (80% of available memory).`);
