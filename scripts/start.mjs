// `npm start`: install what is missing, prepare the engine, image and database, build the web
// app if its sources changed, then serve. PORT picks the port (default 3000).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies, prepare, run } from './bootstrap.mjs';

const root = join(import.meta.dirname, '..');
process.env.NEXT_TELEMETRY_DISABLED = '1';

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function buildIsStale() {
  const buildId = join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const sources = ['app', 'components', 'lib', 'sandbox', 'next.config.js', 'package-lock.json'];
  return Math.max(...sources.map((s) => newestMtime(join(root, s)))) > statSync(buildId).mtimeMs;
}

ensureDependencies();
prepare();
if (buildIsStale()) {
  console.log('[netdojo] building the web app');
  run(join(root, 'node_modules', '.bin', 'next'), ['build']);
}
const server = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 1));
