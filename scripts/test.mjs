// `npm test`: the whole suite, on the real engine, database and browser. Prepares what the
// tests need first (dependencies, the sandbox engine, the lab image), then runs every
// *.test.ts with node's test runner, two files at a time (the machine has two cores).
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildWebApp, ensureDependencies, prepare, run } from './bootstrap.mjs';

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
console.log(`[netdojo] running ${files.length} test files`);
run(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files]);
