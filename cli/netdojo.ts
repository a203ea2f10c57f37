// The `netdojo` command line: sandbox housekeeping now, lab authoring tools next (issue 3).
import { parseArgs } from 'node:util';
import { DockerDriver } from '../sandbox/docker';
import { ensureEngine } from '../sandbox/engine';
import { probeKernelFeatures } from '../sandbox/kernel-features';

const USAGE = `usage:
  netdojo sandbox gc [--all]      remove runs that expired or whose server died (--all: every run)
  netdojo sandbox list            list the runs that exist on the engine
  netdojo sandbox probe           report which kernel features labs can use here`;

async function sandbox(command: string | undefined, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { all: { type: 'boolean', default: false } } });
  await ensureEngine((line) => console.error(line));
  const driver = new DockerDriver();
  switch (command) {
    case 'gc': {
      const report = await driver.gc({ all: values.all });
      console.log(`removed ${report.runs.length} run(s): ${report.containers} container(s), ${report.networks} network(s)`);
      return 0;
    }
    case 'list': {
      for (const run of await driver.listRuns()) {
        const nodes = run.nodes.map((n) => `${n.name}=${n.addresses[0]?.address ?? '-'}`).join(' ');
        console.log(`${run.id}  expires ${run.expiresAt.toISOString()}  ${nodes}`);
      }
      return 0;
    }
    case 'probe': {
      const report = await probeKernelFeatures(driver, true);
      console.log(`kernel ${report.kernel}`);
      for (const [feature, ok] of Object.entries(report.features)) console.log(`  ${ok ? 'yes' : 'NO '}  ${feature}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

const [area, command, ...rest] = process.argv.slice(2);
try {
  process.exitCode = area === 'sandbox' ? await sandbox(command, rest) : (console.error(USAGE), 2);
} catch (err) {
  console.error(`netdojo: ${(err as Error).message}`);
  process.exitCode = 1;
}
