// `npm run captures -- [--check] [name...]`: runs lesson captures on fresh sandboxes of the lab
// image. Without --check it (re)writes content/<module>/captures/<name>.out.yaml; with --check it
// compares the normalised output with the recorded one, prints a diff per mismatch and exits 1
// on any mismatch or missing output. Names may be `name` or `<module>/name`; none means all.
import { DockerDriver } from '../sandbox/docker';
import { labImageHash } from '../sandbox/docker-image';
import {
  compareOutputs,
  discoverCaptures,
  inPool,
  loadCaptureSpec,
  readCaptureOutput,
  runCapture,
  writeCaptureOutput,
  type CaptureFile,
} from '../lib/lessons/captures';

const args = process.argv.slice(2);
const check = args.includes('--check');
const wanted = args.filter((a) => !a.startsWith('--'));
const all = await discoverCaptures();
const selected = wanted.length === 0 ? all : all.filter((c) => wanted.includes(c.name) || wanted.includes(`${c.module}/${c.name}`));
const unknown = wanted.filter((w) => !all.some((c) => w === c.name || w === `${c.module}/${c.name}`));
if (unknown.length) {
  console.error(`no such capture: ${unknown.join(', ')}`);
  process.exit(2);
}

const driver = new DockerDriver();
const image = `netdojo/lab:${labImageHash()}`;
console.log(`[captures] ${check ? 'checking' : 'capturing'} ${selected.length} on ${image}, 3 at a time`);

const outcomes = await inPool(selected, 3, async (capture: CaptureFile): Promise<boolean> => {
  const label = `${capture.module}/${capture.name}`;
  const started = Date.now();
  try {
    const loaded = await loadCaptureSpec(capture);
    const recorded = check ? await readCaptureOutput(capture) : undefined;
    if (check && !recorded) {
      console.log(`MISSING ${label}: no ${capture.name}.out.yaml; run without --check to capture it`);
      return false;
    }
    const fresh = await runCapture(driver, capture.name, loaded, image);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (!check) {
      await writeCaptureOutput(capture, fresh);
      const failed = fresh.steps.filter((s) => s.exitCode !== 0).length;
      console.log(`wrote ${label} (${seconds} s${failed ? `; ${failed} step(s) exited non-zero, as shown in the lesson` : ''})`);
      return true;
    }
    const mismatch = compareOutputs(recorded!, fresh, loaded.spec.vary);
    console.log(mismatch ? `DIFFERS ${label} (${seconds} s)\n${mismatch.report}\n` : `ok ${label} (${seconds} s)`);
    return !mismatch;
  } catch (err) {
    console.log(`FAILED ${label}: ${(err as Error).message}`);
    return false;
  }
});

const bad = outcomes.filter((ok) => !ok).length;
console.log(`[captures] ${selected.length - bad} of ${selected.length} ${check ? 'match' : 'captured'}`);
process.exit(bad ? 1 : 0);
