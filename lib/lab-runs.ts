// A lab on a sandbox: start it (refusing what this machine cannot run), run its setup, let a
// student's scripts act on it, grade it, replay its solutions. The CLI, the tests and the web
// app all start labs through here.
import type { Run, SandboxDriver } from '../sandbox/driver';
import { probeKernelFeatures, type KernelReport } from '../sandbox/kernel-features';
import { gradeTasks, type Grade, type GradedTask } from './grading';
import { checkProgram, type Lab, type SetupStep } from './labs/schema';

export class LabRunError extends Error {
  constructor(
    readonly code: 'LabRefused' | 'SetupFailed',
    message: string,
  ) {
    super(message);
    this.name = 'LabRunError';
  }
}

const lacks = (kernel: KernelReport, needs: readonly string[]) => needs.filter((f) => f === 'kubernetes' || kernel.features[f] !== true);

/** The tasks whose own requirements this machine lacks, each with why, in the lab's words. */
export function withheldTasks(lab: Lab, kernel: KernelReport): { id: string; reason: string }[] {
  return lab.tasks.flatMap((task) => {
    const missing = lacks(kernel, task.requires);
    if (missing.length === 0) return [];
    const what = missing.includes('kubernetes')
      ? 'a Kubernetes cluster inside the sandbox, which this Netdojo server cannot run yet'
      : `the kernel feature${missing.length > 1 ? 's' : ''} ${missing.join(', ')}, which this machine's kernel (${kernel.kernel}) lacks`;
    return [{ id: task.id, reason: `the task "${task.title}" needs ${what}` }];
  });
}

/**
 * The lab without the tasks whose own requirements this machine lacks: they are not offered,
 * and a note at the end of the description tells the student which ones and why.
 */
export function offeredTasks(lab: Lab, kernel: KernelReport): Lab {
  const withheld = withheldTasks(lab, kernel);
  if (withheld.length === 0) return lab;
  const left = new Set(withheld.map((w) => w.id));
  const tasks = lab.tasks.filter((t) => !left.has(t.id));
  const note = `> **Not offered on this server:** ${withheld.map((w) => w.reason).join('; ')}. ` +
    `${withheld.length > 1 ? 'They are' : 'It is'} left out; the other tasks are graded as usual.`;
  return {
    ...lab,
    description: `${lab.description.trimEnd()}\n\n${note}\n`,
    tasks: tasks.map((t) => ({ ...t, needs: t.needs.filter((id) => !left.has(id)) })),
  };
}

/** Why this machine cannot run the lab, or undefined when it can. */
export function refusal(lab: Lab, kernel: KernelReport): string | undefined {
  const needs = lab.sandbox.requires;
  if (needs.includes('kubernetes')) {
    return `lab "${lab.id}" needs a Kubernetes cluster inside the sandbox, which this Netdojo server cannot run yet`;
  }
  const missing = lacks(kernel, needs);
  if (missing.length === 0) return undefined;
  return `lab "${lab.id}" needs kernel features this machine lacks: ${missing.join(', ')} (kernel ${kernel.kernel}); ` +
    'run it on a host whose kernel has them';
}

function tail(text: string, lines = 15): string {
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/** Runs one script as root on its node, the way a student at the terminal would. */
export async function runScript(driver: SandboxDriver, runId: string, step: SetupStep) {
  return driver.exec(runId, step.node, ['bash', '-c', step.script], {
    timeoutMs: step.timeoutSeconds * 1000,
    env: { HOME: '/root' },
    workdir: '/root',
  });
}

/** The steps of a start, in order. */
export type StartStage = 'probing' | 'nodes' | 'setup';

/** Creates the lab's nodes and runs its setup. `lab` is already rendered with the run's params. */
export interface StartOptions {
  ttlSeconds?: number;
  /** The engine's run id; the web app passes its database id so both name the same run. */
  runId?: string;
  /** Told what is happening, for a progress display, with a detail such as "2 of 3 on node01". */
  onStage?: (stage: StartStage, detail?: string) => void;
  /** What this machine supports, when the caller knows already; probed otherwise. */
  kernel?: KernelReport;
}

export async function startLab(driver: SandboxDriver, lab: Lab, options: StartOptions = {}): Promise<Run> {
  const stage = options.onStage ?? (() => {});
  stage('probing');
  const refused = refusal(lab, options.kernel ?? (await probeKernelFeatures(driver)));
  if (refused) throw new LabRunError('LabRefused', refused);
  const count = lab.sandbox.nodes.length;
  stage('nodes', count === 1 ? 'one node' : `${count} nodes`);
  const run = await driver.createRun({
    nodes: lab.sandbox.nodes.map((n) => ({ name: n.name, host: n.host, networks: n.networks })),
    networks: lab.sandbox.networks,
    image: lab.sandbox.image,
    ttlSeconds: options.ttlSeconds ?? lab.sandbox.timeLimitMinutes * 60,
  }, options.runId);
  try {
    for (const [i, step] of lab.setup.entries()) {
      stage('setup', `${i + 1} of ${lab.setup.length} on ${step.node}`);
      const result = await runScript(driver, run.id, step);
      if (result.exitCode !== 0) {
        const why = result.timedOut ? `timed out after ${step.timeoutSeconds} s` : `exited ${result.exitCode}`;
        throw new LabRunError('SetupFailed', `setup step ${i + 1} of lab "${lab.id}" on ${step.node} ${why}:\n${tail(result.stdout + result.stderr)}`);
      }
    }
    return run;
  } catch (err) {
    await driver.destroyRun(run.id).catch(() => {});
    throw err;
  }
}

export function gradedTasks(lab: Lab): GradedTask[] {
  return lab.tasks.map((task) => ({
    id: task.id,
    title: task.title,
    points: task.points,
    needs: task.needs,
    check: { ...task.check, script: checkProgram(lab, task) },
  }));
}

export function gradeLab(driver: SandboxDriver, runId: string, lab: Lab): Promise<Grade> {
  return gradeTasks(driver, runId, gradedTasks(lab));
}

/** The reference solutions, task by task, as a student would type them. */
export async function runSolutions(driver: SandboxDriver, runId: string, lab: Lab): Promise<void> {
  for (const task of lab.tasks) {
    const result = await runScript(driver, runId, task.solution);
    if (result.exitCode !== 0) {
      throw new LabRunError('SetupFailed', `the solution of task "${task.id}" exited ${result.exitCode}:\n${tail(result.stdout + result.stderr)}`);
    }
  }
}
