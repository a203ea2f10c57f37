// Netdojo's Node entry point: Next's request handler, plus (issue 4) the terminal WebSocket,
// which App Router route handlers cannot serve because they cannot upgrade a connection.
import { createServer } from 'node:http';
import next from 'next';
import { z } from 'zod';
import { DockerDriver } from './sandbox/docker';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
});
const env = Env.parse(process.env);
const dev = process.argv.includes('--dev');

const app = next({ dev, dir: import.meta.dirname, hostname: env.HOST, port: env.PORT });
const handle = app.getRequestHandler();
await app.prepare();

// Runs whose TTL passed, or whose creating process died, are removed now and every minute.
const driver = new DockerDriver();
const reap = () => driver.gc().catch((err: Error) => console.error(`[netdojo] reaper: ${err.message}`));
await reap();
const reaper = setInterval(reap, 60_000);

const server = createServer((req, res) => void handle(req, res));
server.listen(env.PORT, env.HOST, () => {
  console.log(`[netdojo] ready on http://localhost:${env.PORT}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    clearInterval(reaper);
    server.close(() => process.exit(0));
  });
}
