// Loading and linting labs: labs/<id>/lab.yaml and the files it names. Every problem is
// reported as `file:line:col: message` at the YAML node (or the line of a referenced file) it
// is about, so that an author's editor can jump to it.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter } from 'yaml';
import { issueErrors, YamlSource, type LabError } from '../yaml-source';
import { drawParams, expand, mapTemplated, type Path } from './params';
import { ruleProblems } from './rules';
import { LabSpec, type Lab, type SetupStepSpec } from './schema';

export const LAB_FILE = 'lab.yaml';


/** A lab with no errors, or the errors that keep it from loading. */
export type LoadResult = { dir: string; lab: Lab; errors: [] } | { dir: string; lab: undefined; errors: LabError[] };

export function formatLabError(error: LabError, relativeTo = process.cwd()): string {
  return `${relative(relativeTo, error.file)}:${error.line}:${error.col}: ${error.message}`;
}

/**
 * Every folder of `labsRoot` is a lab. The default root resolves against the working
 * directory, as every path of Netdojo does (lib/env.ts says why).
 */
export async function loadAllLabs(labsRoot = resolve('labs')): Promise<LoadResult[]> {
  const entries = await readdir(labsRoot, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(labsRoot, e.name));
  return Promise.all(dirs.sort().map(loadLab));
}

export async function loadLab(dir: string): Promise<LoadResult> {
  const root = resolve(dir);
  const file = join(root, LAB_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return failed(root, [{ file, line: 1, col: 1, message: `no ${LAB_FILE} in this lab folder` }]);
  const source = new YamlSource(file, text);
  // The first syntax error only: the ones after it are mostly its echoes.
  const syntax = source.doc.errors[0];
  if (syntax) return failed(root, [source.errorAt(syntax.pos[0], syntax.message)]);
  const data: unknown = source.doc.toJS();
  const parsed = LabSpec.safeParse(data);
  if (!parsed.success) return failed(root, parsed.error.issues.flatMap((issue) => issueErrors(source, data, issue, LabSpec)));
  const sources = await readSources(root, parsed.data, source);
  const errors = [
    ...ruleProblems(parsed.data, basename(root)).map((p) => source.errorAtPath(p.path, p.message, p.onKey)),
    ...sources.errors,
    ...templateErrors(sources.lab, source, sources.origins),
  ];
  return errors.length > 0 ? failed(root, errors) : { dir: root, lab: sources.lab, errors: [] };
}

function failed(dir: string, errors: LabError[]): LoadResult {
  const order = (a: LabError, b: LabError) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col;
  return { dir, lab: undefined, errors: errors.sort(order) };
}

/** A file a lab references, read into the loaded lab. */
interface ReferencedFile {
  file: string;
  text: string;
}

/**
 * The lab with every referenced file read into its inline twin and every step on a node. The
 * file each text came from is kept (by the text's path in lab.yaml) to place its problems.
 */
async function readSources(root: string, spec: LabSpec, source: YamlSource) {
  const errors: LabError[] = [];
  const origins = new Map<string, ReferencedFile>();
  const read = async (at: Path, inline: string | undefined, textKey: string, file: string | undefined, fileKey: string) => {
    if (file === undefined) return inline ?? '';
    const absolute = join(root, file);
    try {
      const text = await readFile(absolute, 'utf8');
      origins.set(pathKey([...at, textKey]), { file: absolute, text });
      return text;
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : `cannot be read (${(err as Error).message})`;
      errors.push(source.errorAtPath([...at, fileKey], `file "${file}" ${why}`));
      return '';
    }
  };
  const firstNode = spec.sandbox.nodes[0]!.name;
  const step = async <T extends SetupStepSpec>(s: T, at: Path) => ({ ...s, node: s.node ?? firstNode, script: await read(at, s.script, 'script', s.file, 'file') });
  const steps = <T extends SetupStepSpec>(list: T[], ...at: Path) => Promise.all(list.map((s, i) => step(s, [...at, i])));
  const { checkHelpers } = spec;
  const lab: Lab = {
    ...spec,
    description: await read([], spec.description, 'description', spec.descriptionFile, 'descriptionFile'),
    setup: await steps(spec.setup, 'setup'),
    checkHelpers: checkHelpers && { ...checkHelpers, script: await read(['checkHelpers'], checkHelpers.script, 'script', checkHelpers.file, 'file') },
    tasks: await Promise.all(
      spec.tasks.map(async (task, i) => ({
        ...task,
        text: await read(['tasks', i], task.text, 'text', task.textFile, 'textFile'),
        check: await step(task.check, ['tasks', i, 'check']),
        solution: await step(task.solution, ['tasks', i, 'solution']),
      })),
    ),
    attempts: await Promise.all(spec.attempts.map(async (attempt, i) => ({ ...attempt, run: await steps(attempt.run, 'attempts', i, 'run') }))),
  };
  return { lab, errors, origins };
}

function pathKey(path: Path): string {
  return path.join('.');
}

/** Placeholders that no param fills, in lab.yaml or in the file a text came from. */
function templateErrors(lab: Lab, source: YamlSource, origins: Map<string, ReferencedFile>): LabError[] {
  // Any values will do: the defaults are valid values of every param, of the same shape.
  const params = drawParams(lab, { useDefaults: true });
  const errors: LabError[] = [];
  mapTemplated(lab, (text, path) => {
    const origin = origins.get(pathKey(path));
    for (const { index, token, message } of expand(text, params).problems) {
      errors.push(origin ? errorInFile(origin, index, message) : source.errorInScalar(path, text, index, token, message));
    }
    return text;
  });
  return errors;
}

function errorInFile({ file, text }: ReferencedFile, offset: number, message: string): LabError {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return { file, ...lines.linePos(offset), message };
}
