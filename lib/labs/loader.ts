// Loading and linting labs: labs/<id>/lab.yaml and the files it names. Every problem is
// reported as `file:line:col: message` at the YAML node (or the line of a referenced file) it
// is about, so that an author's editor can jump to it.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { drawParams, expand, mapTemplated, type Path } from './params';
import { ruleProblems } from './rules';
import { LabSpec, type Lab, type SetupStepSpec } from './schema';

export const LAB_FILE = 'lab.yaml';

export interface LabError {
  /** Absolute path of lab.yaml or of a file it references. */
  file: string;
  line: number;
  col: number;
  message: string;
}

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
  if (!parsed.success) return failed(root, parsed.error.issues.flatMap((issue) => issueErrors(source, data, issue)));
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

/** lab.yaml, parsed with the position of every node kept. */
class YamlSource {
  readonly lines = new LineCounter();
  readonly doc: Document;

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    // Plain messages: positions are reported in our own format.
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false });
  }

  errorAt(offset: number, message: string): LabError {
    return { file: this.file, ...this.lines.linePos(offset), message };
  }

  /**
   * At the value of `path`, or at its key when asked. A problem with a whole map or list, or
   * with a key that is missing, is shown at the key that names it: `check:`, not its first line.
   */
  errorAtPath(path: Path, message: string, onKey = false): LabError {
    const { node, key, complete } = this.find(path);
    const target = onKey || !complete || isCollection(node) ? (key ?? node) : (node ?? key);
    return this.errorAt(target?.range?.[0] ?? 0, message);
  }

  /** At `token`, found at `index` of the scalar at `path`, in lab.yaml's text. */
  errorInScalar(path: Path, value: string, index: number, token: string, message: string): LabError {
    const { node } = this.find(path);
    if (!isScalar(node) || !node.range) return this.errorAtPath(path, message);
    // Block scalars and escapes shift offsets, so find the same occurrence of the token in the
    // source; a token folded over two lines is not found, and the scalar's start is used.
    const nth = occurrences(value.slice(0, index), token);
    const raw = this.text.slice(node.range[0], node.range[1]);
    let at = -1;
    for (let i = 0; i <= nth; i++) at = raw.indexOf(token, at + 1);
    return this.errorAt(node.range[0] + Math.max(at, 0), message);
  }

  /** The deepest node on `path`, the key naming it, and whether the whole path was found. */
  private find(path: Path): { node?: Node; key?: Node; complete: boolean } {
    let node: unknown = this.doc.contents;
    let key: Node | undefined;
    for (const [i, segment] of path.entries()) {
      if (isAlias(node)) node = node.resolve(this.doc);
      const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment)) : undefined;
      const item = isSeq(node) && typeof segment === 'number' ? node.items[segment] : undefined;
      if (pair) [key, node] = [pair.key as Node, pair.value];
      else if (isNode(item)) [key, node] = [undefined, item];
      else return { node: isNode(node) ? node : undefined, key, complete: i === path.length };
    }
    return { node: isNode(node) ? node : undefined, key, complete: true };
  }
}

function occurrences(text: string, token: string): number {
  return text.split(token).length - 1;
}

function issueErrors(source: YamlSource, data: unknown, issue: z.core.$ZodIssue): LabError[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => source.errorAtPath([...path, key], unknownKeyMessage(path, key), true));
    case 'invalid_key':
      return [source.errorAtPath(path, `invalid key "${String(path.at(-1))}": ${issue.issues[0]?.message ?? issue.message}`, true)];
    case 'invalid_type':
      if (valueAt(data, path) === undefined) return [source.errorAtPath(path, `missing key "${String(path.at(-1))}"`)];
  }
  return [source.errorAtPath(path, issue.message)];
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, segment) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[segment] : undefined), data);
}

function unknownKeyMessage(path: Path, key: string): string {
  const known = knownKeys(path);
  const close = known.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= Math.max(2, Math.floor(k.length / 3)));
  const alike = close.length > 0 ? close : known.filter((k) => k.toLowerCase().startsWith(key.toLowerCase()));
  if (alike.length > 0) return `unknown key "${key}"; did you mean ${alike.map((k) => `"${k}"`).join(' or ')}?`;
  return `unknown key "${key}"; allowed here: ${known.join(', ')}`;
}

/** The keys the schema allows in the object at `path` of lab.yaml. */
function knownKeys(path: Path): string[] {
  let schema: z.ZodType | undefined = LabSpec;
  for (const segment of [...path, undefined]) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
    if (segment === undefined) break;
    if (schema instanceof z.ZodObject) schema = schema.shape[segment];
    else if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodRecord) schema = schema.valueType as z.ZodType;
    else return [];
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
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
