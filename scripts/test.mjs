// `npm test`: the whole suite, on the real engine, database and browser. Prepares what the
// tests need first (dependencies, the sandbox engine, the lab image), then runs every
// *.test.ts with node's test runner, two files at a time (the machine has two cores).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildWebApp, ensureDependencies, prepare } from './bootstrap.mjs';

const root = join(import.meta.dirname, '..');
const skip = new Set(['node_modules', '.next', '.git', 'generated', 'data', '.scratch']);

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (skip.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [relative(root, path)] : [];
  });
}

const filter = process.argv.slice(2);
const files = testFiles(root).filter((f) => filter.length === 0 || filter.some((part) => f.includes(part))).sort();
ensureDependencies();
prepare({ tests: true });
// The browser tests serve the production build.
buildWebApp();
// Browser tests run after the rest: every sandbox the lab suites start adds a bridge on the host,
// and Chromium drops page loads when the host's interfaces change under it.
const browserTests = files.filter((f) => f.startsWith('tests/web/'));
const otherTests = files.filter((f) => !browserTests.includes(f));
const started = Date.now();
let failed = false;
for (const [phase, list] of [['suites', otherTests], ['browser suites', browserTests]]) {
  if (list.length === 0) continue;
  console.log(`[netdojo] running ${list.length} test files (${phase})`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...list], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed = true;
}
console.log(`[netdojo] ${files.length} test files ${failed ? 'ran, some FAILED,' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`);
process.exit(failed ? 1 : 0);
