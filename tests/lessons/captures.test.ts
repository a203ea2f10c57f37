// Every lesson capture, run again on the real engine and the current lab image, must print what
// its recorded output shows (after normalise()): a lab image change that alters a command's
// output fails here with a diff, instead of leaving a lesson that shows something students will
// not see. Three captures at a time, each on its own sandbox. A capture that differs is run once
// more and fails only if it differs again: a changed image differs every time, while a packet
// lost on a busy machine (a first SYN, a first ping) does not happen twice in a row.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareOutputs, discoverCaptures, loadCaptureSpec, readCaptureOutput, runCapture } from '../../lib/lessons/captures';
import { DockerDriver } from '../../sandbox/docker';
import { labImageHash } from '../../sandbox/docker-image';

const driver = new DockerDriver();
const image = `netdojo/lab:${labImageHash()}`;
const captures = await discoverCaptures();

describe('lesson captures print what the lessons show', { concurrency: 3 }, () => {
  for (const capture of captures) {
    it(`${capture.module}/${capture.name}`, async () => {
      const loaded = await loadCaptureSpec(capture);
      const recorded = await readCaptureOutput(capture);
      assert.ok(recorded, `${capture.name}.out.yaml is missing: run npx tsx scripts/captures.ts ${capture.name}`);
      const differs = async () => compareOutputs(recorded, await runCapture(driver, capture.name, loaded, image), loaded.spec.vary);
      const mismatch = (await differs()) && (await differs());
      assert.equal(mismatch, undefined, mismatch &&
        `${mismatch.report}\n(differed twice in a row; if the new output is right, run npx tsx scripts/captures.ts ${capture.name} and check the lesson's prose)`);
    });
  }
});
