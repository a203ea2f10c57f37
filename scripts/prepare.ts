// Everything Netdojo needs before it serves or tests: the sandbox engine, the lab image, the
// kernel feature report. Each step is idempotent and fast when there is nothing to do.
import { ensureDebianCommand, ensureEngine } from '../sandbox/engine';
import { ensureLabImage } from '../sandbox/docker-image';
import { probeKernelFeatures } from '../sandbox/kernel-features';

const log = (line: string) => console.log(`[netdojo] ${line}`);

const engine = await ensureEngine(log);
log(`sandbox engine ${engine.serverVersion} at ${engine.socketPath} (user namespace: ${engine.userns ? 'yes' : 'NO'})`);
await ensureLabImage(log);
const features = await probeKernelFeatures();
const missing = Object.entries(features.features).filter(([, ok]) => !ok).map(([name]) => name);
log(`kernel ${features.kernel}: ${missing.length ? `labs needing ${missing.join(', ')} will be refused` : 'every lab feature present'}`);

// The browser tests drive Debian's Chromium (never a downloaded one: no network but Debian's);
// the PostgreSQL tests start a throw-away cluster of Debian's PostgreSQL.
if (process.argv.includes('--tests')) {
  ensureDebianCommand('chromium', 'chromium', log);
  ensureDebianCommand('pg_ctlcluster', 'postgresql', log);
}
