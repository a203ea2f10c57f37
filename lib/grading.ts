// Grading: run each task's check in the trusted grader and turn exit codes and output into a
// Grade. A check's exit code is its verdict (0 passed, 1 failed); anything else, a timeout
// included, means the check itself is broken: the lab's fault, reported apart from a failure.
import { z } from 'zod';
import type { SandboxDriver } from '../sandbox/driver';

export const TaskResult = z.object({
  id: z.string(),
  status: z.enum(['passed', 'failed', 'error']),
  passed: z.boolean(),
  message: z.string(),
  points: z.number(),
  maxPoints: z.number(),
});
export type TaskResult = z.infer<typeof TaskResult>;

export const Grade = z.object({
  score: z.number(),
  maxScore: z.number(),
  tasks: z.array(TaskResult),
});
export type Grade = z.infer<typeof Grade>;

/** What grading needs of a task, already rendered with the run's params. */
export interface GradedTask {
  id: string;
  title: string;
  points: number;
  needs: string[];
  check: { node: string; script: string; timeoutSeconds: number; retries: number; retryDelaySeconds: number };
}

/** The last non-empty line of a check's output is what the student reads. */
function verdictLine(output: string): string {
  return output.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? '';
}

async function runCheck(driver: SandboxDriver, runId: string, task: GradedTask): Promise<Omit<TaskResult, 'id' | 'maxPoints'>> {
  const { check } = task;
  for (let attempt = 0; ; attempt++) {
    const result = await driver.execTrusted(runId, check.node, check.script, { timeoutMs: check.timeoutSeconds * 1000 });
    if (result.exitCode === 0) {
      return { status: 'passed', passed: true, message: verdictLine(result.stdout) || 'done', points: task.points };
    }
    const converging = attempt < check.retries;
    if (result.exitCode === 1 && !converging) {
      return { status: 'failed', passed: false, message: verdictLine(result.stdout) || 'not done yet', points: 0 };
    }
    if (result.exitCode !== 1 && !converging) {
      const why = result.timedOut
        ? `timed out after ${check.timeoutSeconds} s`
        : `exited ${result.exitCode}: ${verdictLine(result.stderr) || verdictLine(result.stdout) || 'no output'}`;
      return { status: 'error', passed: false, message: `the check for this task is broken (${why}); this is the lab's fault, not yours`, points: 0 };
    }
    // Retries give the state time to converge (a daemon still starting, a route being learned).
    await new Promise((r) => setTimeout(r, check.retryDelaySeconds * 1000));
  }
}

/** Grades tasks in order; a task whose prerequisites did not pass is failed without running its check. */
export async function gradeTasks(driver: SandboxDriver, runId: string, tasks: GradedTask[]): Promise<Grade> {
  const results = new Map<string, TaskResult>();
  const titles = new Map(tasks.map((t) => [t.id, t.title]));
  for (const task of orderByNeeds(tasks)) {
    const unmet = task.needs.filter((id) => !results.get(id)?.passed);
    const outcome = unmet.length > 0
      ? { status: 'failed' as const, passed: false, points: 0, message: `first complete: ${unmet.map((id) => titles.get(id) ?? id).join(', ')}` }
      : await runCheck(driver, runId, task);
    results.set(task.id, { id: task.id, maxPoints: task.points, ...outcome });
  }
  const ordered = tasks.map((t) => results.get(t.id)!);
  return {
    score: ordered.reduce((sum, t) => sum + t.points, 0),
    maxScore: tasks.reduce((sum, t) => sum + t.points, 0),
    tasks: ordered,
  };
}

/** Prerequisites first; the lab loader has already rejected cycles. */
function orderByNeeds(tasks: GradedTask[]): GradedTask[] {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const ordered: GradedTask[] = [];
  const seen = new Set<string>();
  const visit = (task: GradedTask) => {
    if (seen.has(task.id)) return;
    seen.add(task.id);
    task.needs.forEach((id) => byId.has(id) && visit(byId.get(id)!));
    ordered.push(task);
  };
  tasks.forEach(visit);
  return ordered;
}
