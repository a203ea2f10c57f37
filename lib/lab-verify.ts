// `netdojo lab verify`: proves a lab is gradable. On a fresh sandbox after setup every task must
// fail (a check that passes before any work grades nothing); after the reference solutions every
// task must pass; each attempt the lab lists (near-misses, other correct methods) must give the
// outcome it expects. Repeats catch flaky checks; repeats after the first draw random params.
import type { SandboxDriver } from '../sandbox/driver';
import { probeKernelFeatures } from '../sandbox/kernel-features';
import type { Grade } from './grading';
import { gradeLab, offeredTasks, refusal, runScript, runSolutions, startLab, withheldTasks } from './lab-runs';
import { drawParams, renderLab } from './labs/params';
import type { Attempt, Lab } from './labs/schema';

export interface Verdict {
  lab: string;
  /** Empty when the lab behaved; otherwise one line per deviation, naming the task. */
  deviations: string[];
  refused?: string;
  /** Tasks this machine does not offer, each with why: not verified here. */
  notOffered?: string[];
}

function describe(grade: Grade, expected: 'failed' | 'passed', when: string): string[] {
  return grade.tasks
    .filter((t) => t.status !== expected)
    .map((t) => `task ${t.id} ${t.status} ${when} (expected ${expected}): ${t.message}`);
}

async function withLab<T>(driver: SandboxDriver, lab: Lab, body: (runId: string) => Promise<T>): Promise<T> {
  const run = await startLab(driver, lab, { ttlSeconds: 600 });
  try {
    return await body(run.id);
  } finally {
    await driver.destroyRun(run.id);
  }
}

async function replayAttempt(driver: SandboxDriver, lab: Lab, attempt: Attempt): Promise<string[]> {
  return withLab(driver, lab, async (runId) => {
    for (const step of attempt.run) {
      const result = await runScript(driver, runId, step);
      // A script that broke halfway would be graded for the wrong reason.
      if (result.exitCode !== 0) {
        const why = result.timedOut ? `timed out after ${step.timeoutSeconds} s` : `exited ${result.exitCode}`;
        return [`attempt "${attempt.title}": its script ${why}: ${(result.stderr || result.stdout).trim().split('\n').at(-1) ?? ''}`];
      }
    }
    const grade = await gradeLab(driver, runId, lab);
    const deviations: string[] = [];
    for (const [taskId, outcome] of Object.entries(attempt.expect)) {
      const result = grade.tasks.find((t) => t.id === taskId);
      if (!result) continue; // a task this machine does not offer
      if (result.status !== (outcome === 'pass' ? 'passed' : 'failed')) {
        deviations.push(`attempt "${attempt.title}": task ${taskId} ${result.status}, expected ${outcome}: ${result.message}`);
      } else if (attempt.messages[taskId] && !result.message.includes(attempt.messages[taskId])) {
        deviations.push(`attempt "${attempt.title}": task ${taskId} said "${result.message}", expected it to mention "${attempt.messages[taskId]}"`);
      }
    }
    return deviations;
  });
}

export async function verifyLab(driver: SandboxDriver, source: Lab, options: { repeat?: number; attempts?: boolean } = {}): Promise<Verdict> {
  const kernel = await probeKernelFeatures(driver);
  const refused = refusal(source, kernel);
  if (refused) return { lab: source.id, deviations: [], refused };
  const offered = offeredTasks(source, kernel);
  const notOffered = withheldTasks(source, kernel).map((w) => w.reason);
  const deviations: string[] = [];
  for (let round = 0; round < (options.repeat ?? 2); round++) {
    const params = drawParams(offered, round === 0 ? { useDefaults: true } : { seed: round });
    const lab = renderLab(offered, params);
    const label = round === 0 ? 'with default params' : `with params drawn from seed ${round}`;
    try {
      await withLab(driver, lab, async (runId) => {
        deviations.push(...describe(await gradeLab(driver, runId, lab), 'failed', `before any work, ${label}`));
        await runSolutions(driver, runId, lab);
        deviations.push(...describe(await gradeLab(driver, runId, lab), 'passed', `after the reference solution, ${label}`));
      });
    } catch (err) {
      deviations.push(`${label}: ${(err as Error).message}`);
    }
  }
  if (options.attempts !== false) {
    const lab = renderLab(offered, drawParams(offered, { useDefaults: true }));
    // A few sandboxes at a time: each attempt is independent, and the machine has two cores.
    const queue = [...lab.attempts];
    const worker = async () => {
      for (let attempt = queue.shift(); attempt; attempt = queue.shift()) {
        const title = attempt.title;
        deviations.push(...(await replayAttempt(driver, lab, attempt).catch((err: Error) => [`attempt "${title}": ${err.message}`])));
      }
    };
    await Promise.all([worker(), worker(), worker()]);
  }
  return { lab: source.id, deviations, notOffered };
}
