// Params: the names and addresses a run draws, and the {{...}} placeholders that use them. The
// drawn values are plain strings, stored with the run, so that a retake can differ and a
// regrade sees the same values.
//
// Placeholders, in the description, task titles and texts, hints, setup, checks, solutions,
// attempts and editor file paths:
//   {{red}}               the value of param red; a subnet param gives its CIDR (192.168.15.0/24)
//   {{net.host(1)}}       host 1 of subnet param net (192.168.15.1)
//   {{net.network}}       192.168.15.0        {{net.prefix}}    24
//   {{net.netmask}}       255.255.255.0
//   \{{                   a literal {{ (for Go templates such as kubectl -o go-template)
// Spaces inside the braces are allowed: {{ net.host(1) }}.
import { randomInt } from 'node:crypto';
import { formatSubnet, netmask, overlaps, parseSubnet, size, toIp, type Subnet } from './ipv4';
import type { Lab, ParamSpec } from './schema';

export type Params = Record<string, string>;
export type Path = (string | number)[];

/** A placeholder that cannot be substituted: `token` is its text, found at `index`. */
export interface TemplateProblem {
  index: number;
  token: string;
  message: string;
}

const TOKEN = /\\\{\{|\{\{([^\n]*?)\}\}|\{\{/g;
const PLACEHOLDER = /^\s*([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z]+)(?:\((\d+)\))?)?\s*$/;

/** Substitutes every placeholder it can, and says what is wrong with the others. */
export function expand(text: string, params: Params): { text: string; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const out = text.replace(TOKEN, (token, inner: string | undefined, index: number) => {
    if (token === '\\{{') return '{{';
    const result = inner === undefined ? { problem: 'unclosed "{{": write \\{{ for a literal {{' } : substitute(inner, params);
    if ('problem' in result) {
      problems.push({ index, token, message: result.problem });
      return token;
    }
    return result.value;
  });
  return { text: out, problems };
}

type Outcome = { value: string } | { problem: string };

function substitute(inner: string, params: Params): Outcome {
  const match = PLACEHOLDER.exec(inner);
  if (!match) return { problem: `malformed placeholder "{{${inner}}}": use {{name}} or {{subnet.host(N)}}` };
  const [, name, member, arg] = match as unknown as [string, string, string | undefined, string | undefined];
  const value = params[name];
  if (value === undefined) {
    const known = Object.keys(params);
    return { problem: `unknown param "${name}"${known.length ? `; params are ${known.join(', ')}` : '; this lab declares no params'}` };
  }
  if (member === undefined) return { value };
  const subnet = parseSubnet(value);
  if (!subnet) return { problem: `"${name}" is not a subnet param, so it has no .${member}` };
  return subnetMember(subnet, member, arg === undefined ? undefined : Number(arg));
}

function subnetMember(subnet: Subnet, member: string, arg: number | undefined): Outcome {
  const plain: Record<string, () => string> = {
    network: () => toIp(subnet.base),
    prefix: () => String(subnet.prefix),
    netmask: () => netmask(subnet.prefix),
  };
  if (member === 'host') {
    const last = size(subnet.prefix) - 2;
    if (arg === undefined) return { problem: 'host needs a number: host(1)' };
    if (arg < 1 || arg > last) return { problem: `host(${arg}) is outside a /${subnet.prefix}: use host(1) to host(${last})` };
    return { value: toIp(subnet.base + arg) };
  }
  const get = plain[member];
  if (!get) return { problem: `unknown member "${member}": a subnet has network, prefix, netmask and host(N)` };
  if (arg !== undefined) return { problem: `"${member}" takes no argument` };
  return { value: get() };
}

/** Substitutes params into one text; a placeholder that cannot be substituted is a bug in the lab. */
export function renderText(text: string, params: Params): string {
  const { text: out, problems } = expand(text, params);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  return out;
}

/** The lab as a run sees it: every templated text with the params substituted. */
export function renderLab(lab: Lab, params: Params): Lab {
  return mapTemplated(lab, (text) => renderText(text, params));
}

/**
 * Applies `fn` to every text that may hold placeholders, with its path in lab.yaml: the one
 * list of templated fields, shared by rendering and linting.
 */
export function mapTemplated(lab: Lab, fn: (text: string, path: Path) => string): Lab {
  const steps = <T extends { script: string }>(list: T[], ...at: Path) => list.map((s, i) => ({ ...s, script: fn(s.script, [...at, i, 'script']) }));
  return {
    ...lab,
    description: fn(lab.description, ['description']),
    sandbox: { ...lab.sandbox, editorFiles: lab.sandbox.editorFiles.map((f, i) => fn(f, ['sandbox', 'editorFiles', i])) },
    setup: steps(lab.setup, 'setup'),
    checkHelpers: lab.checkHelpers && { ...lab.checkHelpers, script: fn(lab.checkHelpers.script, ['checkHelpers', 'script']) },
    tasks: lab.tasks.map((task, i) => ({
      ...task,
      title: fn(task.title, ['tasks', i, 'title']),
      text: fn(task.text, ['tasks', i, 'text']),
      hints: task.hints.map((hint, j) => ({ ...hint, text: fn(hint.text, ['tasks', i, 'hints', j, 'text']) })),
      check: { ...task.check, script: fn(task.check.script, ['tasks', i, 'check', 'script']) },
      solution: {
        ...task.solution,
        script: fn(task.solution.script, ['tasks', i, 'solution', 'script']),
        explanation: fn(task.solution.explanation, ['tasks', i, 'solution', 'explanation']),
      },
    })),
    attempts: lab.attempts.map((attempt, i) => ({
      ...attempt,
      run: steps(attempt.run, 'attempts', i, 'run'),
      messages: Object.fromEntries(Object.entries(attempt.messages).map(([task, m]) => [task, fn(m, ['attempts', i, 'messages', task])])),
    })),
  };
}

export interface DrawOptions {
  /** The same seed draws the same values, so that a run can be reproduced. */
  seed?: number;
  /** The values CURRICULUM.md gives: what `netdojo lab check` and lessons use. */
  useDefaults?: boolean;
}

/** Values for every param of the lab, in declaration order. */
export function drawParams(lab: { params: Record<string, ParamSpec> }, options: DrawOptions = {}): Params {
  const seed = options.seed ?? randomInt(2 ** 31);
  const drawn: Params = {};
  const subnets: Subnet[] = [];
  for (const [name, spec] of Object.entries(lab.params)) {
    // A stream per param: adding a param to a lab leaves the others' values for a seed unchanged.
    const random = mulberry32(fnv1a(`${seed}:${name}`));
    const value = options.useDefaults || spec.value !== undefined ? String(spec.value ?? spec.default) : draw(spec, random, subnets, name);
    const subnet = spec.subnet && parseSubnet(value);
    if (subnet) subnets.push(subnet);
    drawn[name] = value;
  }
  return drawn;
}

const NAME_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MAX_SUBNET_TRIES = 100;

function draw(spec: ParamSpec, random: () => number, taken: Subnet[], name: string): string {
  const pick = (n: number) => Math.floor(random() * n);
  if (spec.choice) return String(spec.choice[pick(spec.choice.length)]);
  if (spec.name) return `${spec.name.prefix}-${Array.from({ length: spec.name.length }, () => NAME_ALPHABET[pick(NAME_ALPHABET.length)]).join('')}`;
  if (!spec.subnet) throw new Error(`param ${name} has no kind`);
  const pool = parseSubnet(spec.subnet.pool)!;
  const count = size(pool.prefix) / size(spec.subnet.prefix);
  // Two subnet params of one lab must not overlap, or the lab's networks would collide.
  for (let i = 0; i < MAX_SUBNET_TRIES; i++) {
    const subnet = { base: pool.base + pick(count) * size(spec.subnet.prefix), prefix: spec.subnet.prefix };
    if (!taken.some((t) => overlaps(t, subnet))) return formatSubnet(subnet);
  }
  throw new Error(`param ${name}: pool ${spec.subnet.pool} has no /${spec.subnet.prefix} left that misses the lab's other subnets`);
}

/** A small, fast PRNG with a 32-bit state: ample for drawing names and subnets. */
function mulberry32(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}
