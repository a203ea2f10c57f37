// The rules of a lab that span fields, which a schema of one field at a time cannot state:
// names that must be unique, references that must name something, prerequisites without cycles.
import type { LabSpec } from './schema';
import type { Path } from './params';

/** A broken rule, at a path of lab.yaml; `onKey` points at a map key rather than its value. */
export interface RuleProblem {
  path: Path;
  message: string;
  onKey?: boolean;
}

export function ruleProblems(lab: LabSpec, folderName: string): RuleProblem[] {
  const nodes = lab.sandbox.nodes.map((n) => n.name);
  const taskIds = lab.tasks.map((t) => t.id);
  return [
    ...(lab.id === folderName ? [] : [{ path: ['id'], message: `id "${lab.id}" must equal the lab's folder name "${folderName}"` }]),
    ...duplicates(nodes, (i) => ['sandbox', 'nodes', i, 'name'], 'node name'),
    ...duplicates(lab.sandbox.nodes.map((n) => n.host), (i) => ['sandbox', 'nodes', i, 'host'], 'host number'),
    ...duplicates(lab.sandbox.networks, (i) => ['sandbox', 'networks', i], 'network'),
    ...duplicates(taskIds, (i) => ['tasks', i, 'id'], 'task id'),
    ...lab.sandbox.nodes.flatMap((node, i) =>
      node.networks.flatMap((net, j) => (lab.sandbox.networks.includes(net) ? [] : [{ path: ['sandbox', 'nodes', i, 'networks', j], message: `unknown network "${net}"; declare it in sandbox.networks` }])),
    ),
    ...nodeReferences(lab).flatMap(({ node, path }) => (nodes.includes(node) ? [] : [{ path, message: `unknown node "${node}"; nodes are ${nodes.join(', ')}` }])),
    ...lab.tasks.flatMap((task, i) =>
      task.needs.flatMap((id, j) => (taskIds.includes(id) ? [] : [{ path: ['tasks', i, 'needs', j], message: `unknown task "${id}" in needs` }])),
    ),
    ...lab.attempts.flatMap((attempt, i) =>
      (['expect', 'messages'] as const).flatMap((field) =>
        Object.keys(attempt[field]).flatMap((id) => (taskIds.includes(id) ? [] : [{ path: ['attempts', i, field, id], onKey: true, message: `unknown task "${id}"` }])),
      ),
    ),
    ...needsCycles(lab),
  ];
}

function duplicates<T>(values: T[], pathOf: (index: number) => Path, what: string): RuleProblem[] {
  return values.flatMap((value, i) =>
    value !== undefined && values.indexOf(value) !== i ? [{ path: pathOf(i), message: `duplicate ${what} "${String(value)}"` }] : [],
  );
}

/** Every place a node is named, with where it is named. */
function nodeReferences(lab: LabSpec): { node: string; path: Path }[] {
  const steps = (list: { node?: string }[], ...at: Path) => list.flatMap((s, i) => (s.node ? [{ node: s.node, path: [...at, i, 'node'] }] : []));
  return [
    ...steps(lab.setup, 'setup'),
    ...lab.tasks.flatMap((task, i) =>
      (['check', 'solution'] as const).flatMap((part) => (task[part].node ? [{ node: task[part].node, path: ['tasks', i, part, 'node'] }] : [])),
    ),
    ...lab.attempts.flatMap((attempt, i) => steps(attempt.run, 'attempts', i, 'run')),
    ...lab.sandbox.editorFiles.flatMap((file, i) => {
      const node = /^([^/:]+):/.exec(file)?.[1];
      return node ? [{ node, path: ['sandbox', 'editorFiles', i] }] : [];
    }),
  ];
}

/** Each cycle of `needs` once, at the entry that closes it: a task that can never be graded. */
function needsCycles(lab: LabSpec): RuleProblem[] {
  const index = new Map<string, number>();
  lab.tasks.forEach((t, i) => index.has(t.id) || index.set(t.id, i));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const problems: RuleProblem[] = [];
  const visit = (i: number) => {
    const task = lab.tasks[i]!;
    state.set(task.id, 'visiting');
    stack.push(task.id);
    task.needs.forEach((id, j) => {
      const next = index.get(id);
      if (next === undefined) return;
      if (state.get(id) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(id)), id];
        problems.push({ path: ['tasks', i, 'needs', j], message: `needs cycle: ${cycle.join(' -> ')}` });
      } else if (!state.has(id)) {
        visit(next);
      }
    });
    stack.pop();
    state.set(task.id, 'done');
  };
  lab.tasks.forEach((task, i) => state.has(task.id) || visit(i));
  return problems;
}
