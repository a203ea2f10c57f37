// The lab file format, written once. lab.yaml is validated with these schemas, the TypeScript
// types are derived from them, and labs/schema.json (for editors) is generated from them.
//
// Every object is strict: a misspelt key is an error, not a silently ignored line. Where a
// value may come inline or from a file beside lab.yaml, the object takes exactly one of the
// two keys (`script` or `file`, `text` or `textFile`, `description` or `descriptionFile`); the
// loader reads the file into its inline twin and keeps the path as the origin.
import { z } from 'zod';
import { CIDR_PATTERN, contains, parseSubnet } from './ipv4';

/** Kernel features a lab may need: the probes of sandbox/kernel-features.ts (kept equal by a test). */
export const KERNEL_FEATURES = [
  'veth', 'bridge', 'netns', 'vxlan', 'macvlan', 'ipvlan', 'dummy', 'vlan', 'ip_vs', 'netem', 'tbf',
  'htb', 'br_netfilter', 'iptables_nft', 'iptables_legacy', 'nftables', 'ipv6', 'sysctl_net',
] as const;

/** What a lab or task may require: kernel features, and a Kubernetes cluster in the node. */
export const REQUIREMENTS = [...KERNEL_FEATURES, 'kubernetes'] as const;

/** Linux caps interface names at 15 characters, and generated names often become interface names. */
const MAX_NAME_LENGTH = 15;

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes (like netns-veth)');
const Text = z.string().min(1, 'must not be empty');
const NodeName = z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a node name is a lowercase letter, then up to 30 lowercase letters, digits or dashes');
const NetworkName = NodeName;
const ParamName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a param name is a letter or _, then letters, digits or _ (it is used as {{name}})');
const LabFile = z
  .string()
  .regex(/^(?!\/)(?!(?:.*\/)?\.\.(?:\/|$)).+$/, 'a path inside the lab folder, relative to lab.yaml')
  .meta({ description: 'A file beside lab.yaml, relative to it.' });
const Cidr = z.string().regex(new RegExp(CIDR_PATTERN), 'expected an IPv4 network like 10.0.0.0/8');
const Seconds = (max: number, fallback: number) => z.int().min(1).max(max).default(fallback);
const Requirement = z.enum(REQUIREMENTS, {
  error: (issue) => `unknown requirement "${String(issue.input)}"; known: ${REQUIREMENTS.join(', ')}`,
});

/** A list like `"script" or "file"` for messages. */
function either(keys: readonly string[]): string {
  const quoted = keys.map((k) => `"${k}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted.join('');
}

/** Requires exactly one of `keys`; the JSON Schema says the same with oneOf. */
function exactlyOne<K extends string>(keys: readonly K[]) {
  return {
    check(value: Partial<Record<K, unknown>>, ctx: z.RefinementCtx) {
      const given = keys.filter((k) => value[k] !== undefined);
      if (given.length === 0) ctx.addIssue({ code: 'custom', path: [], message: `missing ${either(keys)}` });
      if (given.length > 1) ctx.addIssue({ code: 'custom', path: [given[1]!], message: `give ${either(given)}, not both` });
    },
    meta: { oneOf: keys.map((k) => ({ required: [k] })) },
  };
}

const scriptOrFile = exactlyOne(['script', 'file']);
const ScriptSource = {
  script: z.string().optional().meta({ description: 'A bash script, inline.' }),
  file: LabFile.optional(),
};
const OnNode = NodeName.optional().meta({ description: 'The node it runs on; the first node by default.' });

// ---- params -----------------------------------------------------------------------------

const PARAM_KINDS = ['value', 'choice', 'subnet', 'name'] as const;
const ParamValue = z.union([z.string(), z.number()], { error: 'expected a string or a number' });
const NameValue = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, 'a name is a lowercase letter, then lowercase letters, digits or dashes')
  .max(MAX_NAME_LENGTH, `a name has at most ${MAX_NAME_LENGTH} characters (the limit of interface names)`);

const ParamFields = z.strictObject({
  description: z.string().optional(),
  value: ParamValue.optional().meta({ description: 'A fixed value.' }),
  choice: z.array(ParamValue).min(1).optional().meta({ description: 'One of these, drawn per run.' }),
  subnet: z
    .strictObject({
      pool: Cidr.meta({ description: 'The network the subnet is drawn from, e.g. 192.168.0.0/16.' }),
      prefix: z.int().min(8).max(30).meta({ description: 'The drawn subnet\'s prefix length, e.g. 24.' }),
    })
    .optional()
    .meta({ description: 'A subnet drawn from a pool. {{p}} is its CIDR; {{p.host(1)}}, {{p.network}}, {{p.prefix}} and {{p.netmask}} derive from it.' }),
  name: z
    .strictObject({
      prefix: z.string().regex(/^[a-z][a-z0-9]*$/, 'a name prefix is lowercase letters and digits'),
      length: z.int().min(2).max(8).default(4).meta({ description: 'How many random letters and digits follow "prefix-".' }),
    })
    .optional()
    .meta({ description: 'A random name: the prefix, a dash and random letters and digits (red-k3x9).' }),
  default: ParamValue.optional().meta({ description: 'The value when params are not drawn: the name or address the curriculum gives.' }),
});

export const ParamSpec = ParamFields.superRefine(checkParam).meta({
  oneOf: [
    { required: ['value'], not: { required: ['default'] } },
    ...PARAM_KINDS.slice(1).map((kind) => ({ required: [kind, 'default'] })),
  ],
});

function checkParam(param: z.infer<typeof ParamFields>, ctx: z.RefinementCtx): void {
  const kinds = PARAM_KINDS.filter((k) => param[k] !== undefined);
  if (kinds.length !== 1) {
    ctx.addIssue({ code: 'custom', path: kinds.length ? [kinds[1]!] : [], message: `a param has exactly one of ${either(PARAM_KINDS)}` });
    return;
  }
  if (param.value !== undefined) {
    if (param.default !== undefined) ctx.addIssue({ code: 'custom', path: ['default'], message: 'a fixed value is its own default: remove "default"' });
    return;
  }
  if (param.default === undefined) {
    ctx.addIssue({ code: 'custom', path: [], message: 'missing "default": the value used when params are not drawn' });
    return;
  }
  const problem = param.choice ? choiceProblem(param.choice, param.default)
    : param.subnet ? subnetProblem(param.subnet, String(param.default))
    : param.name ? nameProblem(param.name, String(param.default))
    : undefined;
  if (problem) ctx.addIssue({ code: 'custom', path: [problem.at], message: problem.message });
}

type Problem = { at: 'default' | 'subnet' | 'name'; message: string };

function choiceProblem(choice: (string | number)[], fallback: string | number): Problem | undefined {
  if (choice.some((c) => String(c) === String(fallback))) return undefined;
  return { at: 'default', message: `default "${fallback}" is not one of the choices` };
}

function subnetProblem({ pool, prefix }: { pool: string; prefix: number }, fallback: string): Problem | undefined {
  const poolNet = parseSubnet(pool);
  if (!poolNet) return { at: 'subnet', message: `pool ${pool} is not a network address (its host bits must be 0)` };
  if (poolNet.prefix > prefix) return { at: 'subnet', message: `pool ${pool} is smaller than a /${prefix}` };
  const net = parseSubnet(fallback);
  if (!net || net.prefix !== prefix || !contains(poolNet, net)) {
    return { at: 'default', message: `default must be a /${prefix} network inside ${pool}, like ${pool.split('/')[0]}/${prefix}` };
  }
  return undefined;
}

function nameProblem({ prefix, length }: { prefix: string; length: number }, fallback: string): Problem | undefined {
  if (prefix.length + 1 + length > MAX_NAME_LENGTH) {
    return { at: 'name', message: `"${prefix}-" and ${length} random characters exceed ${MAX_NAME_LENGTH} characters, the limit of interface names` };
  }
  const parsed = NameValue.safeParse(fallback);
  return parsed.success ? undefined : { at: 'default', message: parsed.error.issues[0]!.message };
}

// ---- sandbox ----------------------------------------------------------------------------

export const NodeSpec = z.strictObject({
  name: NodeName,
  host: z.int().min(2).max(254).optional().meta({ description: 'Host part of the node\'s address on the run\'s /24 network.' }),
  networks: z.array(NetworkName).default([]).meta({ description: 'Extra networks (of sandbox.networks) this node joins.' }),
});

/** `/etc/hosts` on the first node, or `node02:/etc/hosts`. */
const EditorFile = z.string().regex(/^(?:[a-z][a-z0-9-]{0,30}:)?\/.*$/, 'an absolute path, optionally after a node name: /etc/hosts or node02:/etc/hosts');

export const SandboxSpec = z.strictObject({
  image: z.string().optional().meta({ description: 'Image tag of the nodes; the lab image by default.' }),
  nodes: z.array(NodeSpec).min(1, 'a lab has 1 to 3 nodes').max(3, 'a lab has 1 to 3 nodes'),
  networks: z.array(NetworkName).default([]).meta({ description: 'Extra networks besides the run network every node is on.' }),
  requires: z.array(Requirement).default([]).meta({ description: 'Kernel features (or kubernetes) without which the lab is refused with a clear message.' }),
  timeLimitMinutes: z.int().min(5).max(480).default(60),
  idleTimeoutMinutes: z.int().min(1).max(120).default(15),
  editorFiles: z.array(EditorFile).default([]).meta({ description: 'Files the editor opens: /path on the first node, or node:/path.' }),
});

// ---- setup, tasks -----------------------------------------------------------------------

export const SetupStepSpec = z
  .strictObject({ node: OnNode, ...ScriptSource, timeoutSeconds: Seconds(600, 60) })
  .superRefine(scriptOrFile.check)
  .meta(scriptOrFile.meta);

export const HintSpec = z.strictObject({
  text: Text,
  unlockAfterSeconds: z.int().min(0).max(3600).default(0).meta({ description: 'Seconds after the task is shown before the hint can be opened.' }),
  cost: z.int().min(0).max(100).default(0).meta({ description: 'Points taken from the task when the hint is opened.' }),
});

export const CheckSpec = z
  .strictObject({
    node: OnNode,
    ...ScriptSource,
    timeoutSeconds: Seconds(300, 20),
    retries: z.int().min(0).max(20).default(0).meta({ description: 'Extra attempts after a failure, for state that takes time to converge.' }),
    retryDelaySeconds: z.int().min(0).max(60).default(2),
  })
  .superRefine(scriptOrFile.check)
  .meta({
    ...scriptOrFile.meta,
    description: 'Runs in the trusted grader, never in the node, with the helpers of sandbox/grader/lib.sh (in_node, in_netns, node_file, node_path, node_getent, on_node, fail, pass). Exit 0 passes; the last line of output is shown to the student.',
  });

export const SolutionSpec = z
  .strictObject({
    node: OnNode,
    ...ScriptSource,
    timeoutSeconds: Seconds(600, 60),
    explanation: Text.meta({ description: 'Markdown shown with the solution after an exam.' }),
  })
  .superRefine(scriptOrFile.check)
  .meta(scriptOrFile.meta);

const textOrFile = exactlyOne(['text', 'textFile']);
export const TaskSpec = z
  .strictObject({
    id: Slug,
    title: Text,
    text: Text.optional().meta({ description: 'Markdown, inline.' }),
    textFile: LabFile.optional(),
    points: z.int().min(0).max(100).default(1),
    needs: z.array(Slug).default([]).meta({ description: 'Tasks that must pass before this one is graded.' }),
    requires: z.array(Requirement).default([]).meta({ description: 'Kernel features only this task needs; where missing, the task is not offered.' }),
    hints: z.array(HintSpec).default([]),
    check: CheckSpec,
    solution: SolutionSpec,
  })
  .superRefine(textOrFile.check)
  .meta(textOrFile.meta);

const TaskOutcome = z.enum(['pass', 'fail']);
/** A student attempt that `netdojo lab verify` replays on a fresh sandbox: near-misses and other correct methods. */
export const AttemptSpec = z.strictObject({
  title: Text,
  run: z.array(SetupStepSpec).min(1).meta({ description: 'Scripts run as the student would, after setup.' }),
  expect: z.record(Slug, TaskOutcome).meta({ description: 'The outcome each listed task must have.' }),
  messages: z.record(Slug, Text).default({}).meta({ description: 'Text the check\'s message must contain, per task.' }),
});

// ---- the lab ----------------------------------------------------------------------------

const descriptionOrFile = exactlyOne(['description', 'descriptionFile']);
export const LabSpec = z
  .strictObject({
    id: Slug.meta({ description: 'Equal to the lab\'s folder name.' }),
    title: Text,
    summary: Text.meta({ description: 'One sentence for the catalogue.' }),
    module: z.int().min(1).max(6).meta({ description: 'The curriculum module, 1 to 6.' }),
    lesson: Slug.meta({ description: 'The lesson this lab practises.' }),
    difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
    minutes: z.int().min(1).max(480).meta({ description: 'Estimated minutes to complete.' }),
    tags: z.array(Slug).default([]),
    description: Text.optional().meta({ description: 'Markdown shown before the tasks, inline.' }),
    descriptionFile: LabFile.optional(),
    params: z.record(ParamName, ParamSpec).default({}).meta({ description: 'Values drawn per run and substituted as {{name}}.' }),
    sandbox: SandboxSpec,
    setup: z.array(SetupStepSpec).default([]).meta({ description: 'Run as root in the nodes, in order, before the student gets a terminal.' }),
    checkHelpers: z
      .strictObject(ScriptSource)
      .superRefine(scriptOrFile.check)
      .meta({ ...scriptOrFile.meta, description: 'Bash functions put before every check of this lab, after the grader\'s own helpers.' })
      .optional(),
    tasks: z.array(TaskSpec).min(1),
    attempts: z.array(AttemptSpec).default([]),
  })
  .superRefine(descriptionOrFile.check)
  .meta(descriptionOrFile.meta);

export type LabSpec = z.infer<typeof LabSpec>;
export type ParamSpec = z.infer<typeof ParamSpec>;
export type NodeSpec = z.infer<typeof NodeSpec>;
export type SandboxSpec = z.infer<typeof SandboxSpec>;
export type SetupStepSpec = z.infer<typeof SetupStepSpec>;
export type HintSpec = z.infer<typeof HintSpec>;
export type CheckSpec = z.infer<typeof CheckSpec>;
export type SolutionSpec = z.infer<typeof SolutionSpec>;
export type TaskSpec = z.infer<typeof TaskSpec>;
export type AttemptSpec = z.infer<typeof AttemptSpec>;
export type Requirement = (typeof REQUIREMENTS)[number];

// A loaded lab (loader.ts): every file read into its inline twin, whose path stays as the
// origin, and every `node` left out filled in with the first node.
type Replace<T, R> = Omit<T, keyof R> & R;
type Script = { script: string; node: string };
export type SetupStep = Replace<SetupStepSpec, Script>;
export type Check = Replace<CheckSpec, Script>;
export type Solution = Replace<SolutionSpec, Script>;
export type Attempt = Replace<AttemptSpec, { run: SetupStep[] }>;
export type Task = Replace<TaskSpec, { text: string; check: Check; solution: Solution }>;
export type Lab = Replace<
  LabSpec,
  { description: string; setup: SetupStep[]; checkHelpers?: { script: string; file?: string }; tasks: Task[]; attempts: Attempt[] }
>;

/** The bash program the grader runs (after its own helpers) for a task's check. */
export function checkProgram(lab: Lab, task: Task): string {
  return lab.checkHelpers ? `${lab.checkHelpers.script}\n${task.check.script}` : task.check.script;
}

