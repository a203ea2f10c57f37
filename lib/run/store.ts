// Finding a run and deciding who may act on it: the first step of everything that returns a
// run's data. get() authorises (the run's student, or staff); getReady() and node() add that the
// sandbox is up; viewOf() is for services that authorised already. Also the lab as the run sees
// it, and the throttled record of the student's activity.
import type { SandboxDriver } from '../../sandbox/driver';
import { probeKernelFeatures, type KernelReport } from '../../sandbox/kernel-features';
import type { User } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import { findExam } from '../exam-catalogue';
import { questionLab } from '../exams/loader';
import type { Exam } from '../exams/schema';
import { findLab } from '../lab-catalogue';
import { offeredTasks } from '../lab-runs';
import { renderLab } from '../labs/params';
import { mayOversee } from '../oversight';
import type { Lab } from '../labs/schema';
import { LIVE, runSelect, toView, type RunView } from './lifecycle';

/** Activity is written at most this often per run. */
const TOUCH_EVERY_MS = 30_000;

export interface RunStoreDeps {
  db: Db;
  driver: SandboxDriver;
  /** The lab for an id; the catalogue by default, a fixture in tests. */
  findLab?: (id: string) => Promise<Lab>;
  /** The exam for an id, for runs that are exam questions; the catalogue by default. */
  findExam?: (id: string) => Promise<Exam>;
  /** What this machine's kernel supports; probed through the driver by default. */
  kernel?: () => Promise<KernelReport>;
}

export class RunStore {
  readonly findLab: (id: string) => Promise<Lab>;
  readonly findExam: (id: string) => Promise<Exam>;
  readonly kernel: () => Promise<KernelReport>;
  /** When each run's activity was last written, so that keystrokes do not each write a row. */
  private readonly touched = new Map<string, number>();

  constructor(private readonly deps: RunStoreDeps) {
    this.findLab = deps.findLab ?? findLab;
    this.findExam = deps.findExam ?? findExam;
    this.kernel = deps.kernel ?? (() => probeKernelFeatures(deps.driver));
  }

  /**
   * The lab as this run sees it: its params substituted, tasks this machine cannot run left out,
   * and for an exam question only the tasks the question grades.
   */
  async labOf(run: Pick<RunView, 'labId' | 'params' | 'exam'>): Promise<Lab> {
    let lab = await this.findLab(run.labId);
    if (run.exam) {
      const question = (await this.findExam(run.exam.examId)).questions.find((q) => q.id === run.exam!.questionId);
      if (question) lab = questionLab(lab, question);
    }
    return renderLab(offeredTasks(lab, await this.kernel()), run.params);
  }

  /** A run the user may see: their own, or a student's they oversee (lib/oversight.ts). */
  async get(user: User, runId: string): Promise<RunView> {
    const run = await this.viewOf(runId);
    // Someone else's run is answered as missing, not as forbidden: its id tells nothing.
    if (run.userId !== user.id && !(await mayOversee(this.deps.db, user, run.userId))) throw new AppError('NotFound', 'There is no such lab run.');
    return run;
  }

  /** A run by id, for a service that has authorised it already (an exam attempt's owner). */
  async viewOf(runId: string): Promise<RunView> {
    const row = await this.deps.db.run.findUnique({ where: { id: runId }, select: runSelect });
    if (!row) throw new AppError('NotFound', 'There is no such lab run.');
    return toView(row);
  }

  /**
   * Records that the student is at work on the run (typing, checking, saving, looking at it);
   * at most one write per run every TOUCH_EVERY_MS.
   */
  async touch(runId: string): Promise<void> {
    const last = this.touched.get(runId) ?? 0;
    if (Date.now() - last < TOUCH_EVERY_MS) return;
    this.touched.set(runId, Date.now());
    await this.deps.db.run.updateMany({ where: { id: runId, status: { in: LIVE } }, data: { activeAt: new Date() } });
  }

  /** Forgets a run's activity record (it ended). */
  forget(runId: string): void {
    this.touched.delete(runId);
  }

  /** A run the user may act on: as get(), and its sandbox must be up. */
  async getReady(user: User, runId: string): Promise<RunView> {
    const run = await this.get(user, runId);
    if (run.status === 'creating') throw new AppError('RunNotReady', 'The sandbox is still starting.');
    if (run.status !== 'ready') throw new AppError('RunEnded', `This run has ${run.status === 'failed' ? 'failed' : 'ended'}; start the lab again.`);
    if (run.expiresAt.getTime() <= Date.now()) throw new AppError('RunEnded', 'This run\'s time is up; start the lab again.');
    if (run.exam && !run.exam.active) throw new AppError('RunEnded', 'This exam has ended; its results are on the results page.');
    return run;
  }

  /** The node a terminal or the editor may open: one of the run's own. */
  async node(user: User, runId: string, node: string): Promise<RunView> {
    const run = await this.getReady(user, runId);
    if (!run.nodes.some((n) => n.name === node)) throw new AppError('NotFound', `This lab has no node "${node}".`);
    return run;
  }
}
