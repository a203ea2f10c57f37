#!/usr/bin/env node
// `npx netdojo ...`: runs the TypeScript CLI through tsx, which is a runtime dependency.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const tsxCli = require.resolve('tsx/cli');
const entry = join(import.meta.dirname, '..', 'cli', 'netdojo.ts');
const result = spawnSync(process.execPath, [tsxCli, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
