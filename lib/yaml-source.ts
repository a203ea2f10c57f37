// YAML files whose problems are reported as `file:line:col: message` at the node they are about:
// lab.yaml and exam.yaml share the parser, the placing of zod's issues and the "did you mean"
// for unknown keys.
import { isAlias, isCollection, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { z } from 'zod';
import type { Path } from './labs/params';

export interface LabError {
  /** Absolute path of the YAML file or of a file it references. */
  file: string;
  line: number;
  col: number;
  message: string;
}

/** A YAML file, parsed with the position of every node kept. */
export
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

/** A zod issue of the file's data, placed at the node it is about. */
export function issueErrors(source: YamlSource, data: unknown, issue: z.core.$ZodIssue, root: z.ZodType): LabError[] {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => source.errorAtPath([...path, key], unknownKeyMessage(root, path, key), true));
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

function unknownKeyMessage(root: z.ZodType, path: Path, key: string): string {
  const known = knownKeys(root, path);
  const close = known.filter((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= Math.max(2, Math.floor(k.length / 3)));
  const alike = close.length > 0 ? close : known.filter((k) => k.toLowerCase().startsWith(key.toLowerCase()));
  if (alike.length > 0) return `unknown key "${key}"; did you mean ${alike.map((k) => `"${k}"`).join(' or ')}?`;
  return `unknown key "${key}"; allowed here: ${known.join(', ')}`;
}

/** The keys the schema allows in the object at `path` of the file. */
function knownKeys(root: z.ZodType, path: Path): string[] {
  let schema: z.ZodType | undefined = root;
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

