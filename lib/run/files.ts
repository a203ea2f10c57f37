// The editor's access to a run's nodes: list a folder, read and save a text file. Authorised
// through the store (the run's node, its sandbox up) before the driver is asked anything.
import type { FileEntry, SandboxDriver } from '../../sandbox/driver';
import type { User } from '../auth';
import { AppError } from '../errors';
import type { RunStore } from './store';

const EDITOR_MAX_BYTES = 1024 * 1024;

function absolute(path: string): string {
  if (!path.startsWith('/') || path.includes('\0')) throw new AppError('BadRequest', `"${path}" is not an absolute path`);
  return path;
}

export class RunFiles {
  constructor(private readonly deps: { driver: SandboxDriver; store: RunStore }) {}

  /** A folder of a node, for the editor's file browser. */
  async listFiles(user: User, runId: string, node: string, dir: string): Promise<FileEntry[]> {
    await this.deps.store.node(user, runId, node);
    return this.deps.driver.listFiles(runId, node, absolute(dir));
  }

  /** A text file of a node, for the editor. Binary and huge files are refused, not mangled. */
  async readFile(user: User, runId: string, node: string, path: string): Promise<string> {
    await this.deps.store.node(user, runId, node);
    await this.deps.store.touch(runId);
    const content = await this.deps.driver.readFile(runId, node, absolute(path));
    if (content.length > EDITOR_MAX_BYTES) throw new AppError('BadRequest', `${path} is ${Math.round(content.length / 1024)} KiB; the editor opens files up to 1 MiB. Use the terminal.`);
    if (content.includes(0)) throw new AppError('BadRequest', `${path} is a binary file; the editor opens text files only.`);
    return content.toString('utf8');
  }

  async writeFile(user: User, runId: string, node: string, path: string, content: string): Promise<void> {
    await this.deps.store.node(user, runId, node);
    if (Buffer.byteLength(content) > EDITOR_MAX_BYTES) throw new AppError('BadRequest', 'The editor saves files up to 1 MiB.');
    await this.deps.store.touch(runId);
    await this.deps.driver.writeFile(runId, node, absolute(path), content);
  }
}
