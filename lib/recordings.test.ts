// Terminal recordings: asciicast v2 with output, input, resizes and Check markers; bounded per
// run; pruned after the retention period; read back only by whoever may see the run.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Recorder } from './recordings';

const dir = await mkdtemp(join(tmpdir(), 'netdojo-recordings-'));
after(() => rm(dir, { recursive: true, force: true }));
const settle = () => new Promise((r) => setTimeout(r, 50));

describe('a terminal recording', () => {
  it('is asciicast v2: a header, then output, input, resizes and markers', async () => {
    const recorder = new Recorder({ dir, maxBytesPerRun: 1 << 20, retentionDays: 30 });
    const rec = await recorder.start('run1', 'node01', 0, 80, 24);
    rec.output('root@node01:~# ');
    rec.input('ip a\r');
    rec.resize(120, 30);
    recorder.mark('run1', 'Check 3/8');
    recorder.mark('other-run', 'not this one');
    rec.close();
    await settle();
    const lines = (await readFile(join(dir, 'run1', 'node01-0.cast'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].version, 2);
    assert.equal(lines[0].width, 80);
    assert.deepEqual(lines.slice(1).map((e: unknown[]) => [e[1], e[2]]), [['o', 'root@node01:~# '], ['i', 'ip a\r'], ['r', '120x30'], ['m', 'Check 3/8']]);
    // A second shell of the same node and tab gets a file of its own.
    (await recorder.start('run1', 'node01', 0, 80, 24)).close();
    await settle();
    await readFile(join(dir, 'run1', 'node01-0-2.cast'), 'utf8');
  });

  it('stops at the run\'s bound, saying so, but still takes markers', async () => {
    const recorder = new Recorder({ dir, maxBytesPerRun: 2000, retentionDays: 30 });
    const rec = await recorder.start('run2', 'node01', 0, 80, 24);
    for (let i = 0; i < 100; i++) rec.output('x'.repeat(100));
    recorder.mark('run2', 'Check 1/2');
    rec.close();
    await settle();
    const text = await readFile(join(dir, 'run2', 'node01-0.cast'), 'utf8');
    assert.ok(text.length < 2500, `${text.length} bytes`);
    assert.match(text, /recording limit reached/);
    assert.match(text, /"Check 1\/2"/);
  });

  it('is removed after the retention period', async () => {
    const recorder = new Recorder({ dir, maxBytesPerRun: 1 << 20, retentionDays: 7 });
    (await recorder.start('old-run', 'node01', 0, 80, 24)).close();
    await settle();
    const longAgo = new Date(Date.now() - 8 * 24 * 60 * 60_000);
    await utimes(join(dir, 'old-run'), longAgo, longAgo);
    assert.deepEqual(await recorder.prune(), ['old-run']);
    await assert.rejects(readFile(join(dir, 'old-run', 'node01-0.cast')));
  });
});
