// `npm start`: install what is missing, prepare the engine, image and database, build the web
// app if its sources changed, then serve. PORT picks the port (default 3000).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildWebApp, ensureDependencies, prepare } from './bootstrap.mjs';

const root = join(import.meta.dirname, '..');

ensureDependencies();
prepare();
buildWebApp();
// node with tsx's loader, not the tsx wrapper: signals then reach the server itself, which
// shuts down cleanly instead of being orphaned by a wrapper that exits first.
const server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 1));
