// The part of `npm start` / `npm test` that must run before any dependency exists: plain Node,
// no imports outside node:*. It installs node_modules when they are missing or stale, then
// hands over to the TypeScript steps (engine, lab image, database).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const stamp = join(root, 'node_modules', '.netdojo-lock-hash');

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`[netdojo] ${cmd} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

export function ensureDependencies() {
  const lockHash = createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === lockHash) return;
  // A fresh clone gets exactly the lockfile (npm ci); an existing node_modules is updated in
  // place, so that tools of other shells using it do not vanish while it is reinstalled.
  const fresh = !existsSync(join(root, 'node_modules', '.package-lock.json'));
  console.log(`[netdojo] installing dependencies (npm ${fresh ? 'ci; the first time compiles better-sqlite3, about 2 min' : 'install'})`);
  run('npm', [fresh ? 'ci' : 'install', '--no-audit', '--no-fund']);
  writeFileSync(stamp, lockHash);
}

/** Engine, lab image and database: idempotent, quick when everything is in place. */
export function prepare({ tests = false } = {}) {
  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  run(tsx, [join(root, 'scripts', 'prepare.ts'), ...(tests ? ['--tests'] : [])]);
  run(tsx, [join(root, 'prisma', 'migrate.ts'), 'deploy']);
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** `next build` when a source of the web app is newer than the last build (lessons and labs are read at run time). */
export function buildWebApp() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  const buildId = join(root, '.next', 'BUILD_ID');
  const sources = ['app', 'components', 'lib', 'sandbox', 'next.config.js', 'tsconfig.json', 'package-lock.json'];
  const newest = Math.max(...sources.map((s) => newestMtime(join(root, s))));
  if (existsSync(buildId) && newest <= statSync(buildId).mtimeMs) return;
  console.log('[netdojo] building the web app');
  run(join(root, 'node_modules', '.bin', 'next'), ['build']);
}

if (process.argv[1] === import.meta.filename) {
  ensureDependencies();
  prepare();
}
