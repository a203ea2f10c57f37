// A student's lab run: the database row and the sandbox behind it, kept in step. This file is the
// only writer of a run's status, which only moves forward:
//
//   creating ──> ready ──> ended      (the student pressed End or Reset)
//      │           └─────> expired    (its time limit passed; the reaper destroyed it)
//      └─────────────────> failed     (the sandbox or the lab's setup failed)
//
// Every function takes the acting user and checks it may act on the run, so a route handler or
// the terminal upgrade cannot forget to.
import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client';
import type { FileEntry, RunNode, SandboxDriver } from '../sandbox/driver';
import { isStaff, type User } from './auth';
import type { Db } from './db';
import type { Limits } from './env';
import { AppError, toAppError } from './errors';
import type { Grade } from './grading';
import { findExam } from './exam-catalogue';
import { questionLab } from './exams/loader';
import type { Exam } from './exams/schema';
import { findLab } from './lab-catalogue';
import { gradeLab, offeredTasks, startLab } from './lab-runs';
import { drawParams, renderLab, type Params } from './labs/params';
import type { Lab } from './labs/schema';
import { probeKernelFeatures, type KernelReport } from '../sandbox/kernel-features';

export const RunStatus = z.enum(['creating', 'ready', 'ended', 'expired', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;
/** Where a run is, for the player: a start's steps (lib/lab-runs.ts's StartStage), then its status. */
export const RunStage = z.enum(['queued', 'probing', 'nodes', 'setup', 'ready', 'ended', 'expired', 'failed']);
export type RunStage = z.infer<typeof RunStage>;
const LIVE: RunStatus[] = ['creating', 'ready'];

/** Activity is written at most this often per run. */
const TOUCH_EVERY_MS = 30_000;
/** For a run whose lab has since disappeared from labs/. */
const DEFAULT_IDLE_MINUTES = 15;

/** Minutes a sandbox outlives its run's time limit, so the reaper, not the engine, ends it. */
const ENGINE_GRACE_SECONDS = 10 * 60;

const NodesJson = z.array(z.object({
  name: z.string(),
  addresses: z.array(z.object({ network: z.string(), subnet: z.string(), address: z.string() })),
}));
const ParamsJson = z.record(z.string(), z.string());

const runSelect = {
  id: true,
  userId: true,
  labId: true,
  status: true,
  stage: true,
  stageDetail: true,
  error: true,
  attemptId: true,
  questionId: true,
  attempt: { select: { examId: true, mode: true, status: true } },
  params: true,
  nodes: true,
  expiresAt: true,
  createdAt: true,
  destroyedAt: true,
} satisfies Prisma.RunSelect;
type RunRow = Prisma.RunGetPayload<{ select: typeof runSelect }>;

export interface RunView {
  id: string;
  userId: string | null;
  labId: string;
  status: RunStatus;
  stage: RunStage;
  stageDetail: string;
  error: string | null;
  /** Set when the run is an exam question's sandbox: the attempt's rules apply. */
  exam: RunExam | null;
  params: Params;
  nodes: Omit<RunNode, 'hostPid'>[];
  expiresAt: Date;
  createdAt: Date;
}

export interface RunExam {
  attemptId: string;
  examId: string;
  questionId: string;
  mode: 'timed' | 'practice';
  /** False once the attempt is being graded or graded: its sandboxes take no more work. */
  active: boolean;
}

export interface TaskGrade {
  taskId: string;
  status: 'passed' | 'failed' | 'error';
  message: string;
  points: number;
  maxPoints: number;
}

export interface GradeView {
  id: string;
  runId: string;
  score: number;
  maxScore: number;
  createdAt: Date;
  tasks: TaskGrade[];
}

export interface HintView {
  taskId: string;
  index: number;
  cost: number;
  unlockAfterSeconds: number;
  /** Only once opened. */
  text?: string;
}

function toView(row: RunRow): RunView {
  return {
    id: row.id,
    userId: row.userId,
    labId: row.labId,
    status: RunStatus.parse(row.status),
    // Runs recorded before stages were typed carry English text: shown as queued.
    stage: RunStage.catch('queued').parse(row.stage),
    stageDetail: row.stageDetail,
    error: row.error,
    exam: row.attemptId && row.attempt && row.questionId
      ? { attemptId: row.attemptId, examId: row.attempt.examId, questionId: row.questionId, mode: row.attempt.mode === 'timed' ? 'timed' : 'practice', active: row.attempt.status === 'active' }
      : null,
    params: ParamsJson.parse(JSON.parse(row.params)),
    nodes: NodesJson.parse(JSON.parse(row.nodes)),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

export interface RunsDeps {
  db: Db;
  driver: SandboxDriver;
  limits: Limits;
  /** The lab for an id; the catalogue by default, a fixture in tests. */
  findLab?: (id: string) => Promise<Lab>;
  /** The exam for an id, for runs that are exam questions; the catalogue by default. */
  findExam?: (id: string) => Promise<Exam>;
  /** What this machine's kernel supports; probed through the driver by default. */
  kernel?: () => Promise<KernelReport>;
  /** Told when a run's sandbox goes away, so its open terminals can close. */
  onFinish?: (runId: string) => void;
}

export class Runs {
  private readonly findLab: (id: string) => Promise<Lab>;
  private readonly findExam: (id: string) => Promise<Exam>;
  private readonly kernel: () => Promise<KernelReport>;
  /** Starts are serialised so that two clicks cannot both pass the limits. */
  private starting: Promise<unknown> = Promise.resolve();
  /** Runs being graded: a second Check waits for the first instead of running beside it. */
  private readonly checking = new Map<string, Promise<GradeView>>();
  /** Sandboxes being created in this process, for tests and shutdown. */
  readonly creations = new Map<string, Promise<void>>();
  /** When each run's activity was last written, so that keystrokes do not each write a row. */
  private readonly touched = new Map<string, number>();

  constructor(private readonly deps: RunsDeps) {
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

  /**
   * Starts a lab for the user: checks the limits, records the run, and creates its sandbox in the
   * background (`stage` tells the player what is happening). Resolves once the run is recorded.
   */
  async start(user: User, labId: string): Promise<RunView> {
    return this.launch(user, await this.findLab(labId));
  }

  /**
   * Starts the sandbox of an exam question. The attempt's rules apply, not the lab's: it does
   * not count towards the one-run-per-lab and runs-per-user limits, lives until `expiresAt`
   * (the attempt's end) and is not ended for idling; the server's capacity still applies.
   * The caller (lib/exams/attempts.ts) has checked the attempt is the user's.
   */
  async startQuestion(user: User, question: { attemptId: string; questionId: string; labId: string; expiresAt: Date }): Promise<RunView> {
    return this.launch(user, await this.findLab(question.labId), question);
  }

  private async launch(user: User, lab: Lab, question?: { attemptId: string; questionId: string; expiresAt: Date }): Promise<RunView> {
    const run = this.starting.then(() => this.admit(user, lab, question));
    this.starting = run.catch(() => {});
    const view = await run;
    const ttlSeconds = Math.ceil((view.expiresAt.getTime() - Date.now()) / 1000) + ENGINE_GRACE_SECONDS;
    const creation = this.create(view.id, lab, view.params, ttlSeconds).finally(() => this.creations.delete(view.id));
    this.creations.set(view.id, creation);
    return view;
  }

  private async admit(user: User, lab: Lab, question?: { attemptId: string; questionId: string; expiresAt: Date }): Promise<RunView> {
    const { db, limits } = this.deps;
    if (question) {
      if ((await db.run.count({ where: { status: { in: LIVE } } })) >= limits.capacity) {
        throw new AppError('OutOfCapacity', 'All sandboxes are busy, so this question cannot start yet; try again in a minute. Your exam clock keeps running.');
      }
      const row = await db.run.create({
        data: { userId: user.id, labId: lab.id, status: 'creating', stage: 'queued', params: JSON.stringify(drawParams(lab)), expiresAt: question.expiresAt, attemptId: question.attemptId, questionId: question.questionId },
        select: runSelect,
      });
      return toView(row);
    }
    // An exam's runs are the exam's business: they do not count against the lab limits.
    const mine = await db.run.findMany({ where: { userId: user.id, status: { in: LIVE }, attemptId: null }, select: { id: true, labId: true } });
    const same = mine.find((r) => r.labId === lab.id);
    if (same) {
      throw new AppError('ActiveRunExists', `You already have "${lab.title}" running. Go back to it, or end it to start afresh.`, { runId: same.id });
    }
    if (mine.length >= limits.runsPerUser) {
      throw new AppError('TooManyRuns', `You have ${mine.length} labs running, the most one person may have. End one of them first.`);
    }
    if ((await db.run.count({ where: { status: { in: LIVE } } })) >= limits.capacity) {
      throw new AppError('OutOfCapacity', 'All sandboxes are busy, try again in a minute.');
    }
    const params = drawParams(lab);
    const row = await db.run.create({
      data: {
        userId: user.id,
        labId: lab.id,
        status: 'creating',
        stage: 'queued',
        params: JSON.stringify(params),
        expiresAt: new Date(Date.now() + lab.sandbox.timeLimitMinutes * 60_000),
      },
      select: runSelect,
    });
    return toView(row);
  }

  private async create(runId: string, lab: Lab, params: Params, ttlSeconds: number): Promise<void> {
    const { db, driver } = this.deps;
    const stage = (stage: RunStage, detail = '') => void db.run.updateMany({ where: { id: runId, status: 'creating' }, data: { stage, stageDetail: detail } }).catch(() => {});
    try {
      const rendered = renderLab(lab, params);
      const sandbox = await startLab(driver, rendered, { runId, kernel: await this.kernel(), ttlSeconds, onStage: stage });
      const nodes = sandbox.nodes.map(({ name, addresses }) => ({ name, addresses }));
      const moved = await db.run.updateMany({
        where: { id: runId, status: 'creating' },
        data: { status: 'ready', stage: 'ready', nodes: JSON.stringify(nodes) },
      });
      // Ended while it was being created: nobody wants this sandbox any more.
      if (moved.count === 0) await driver.destroyRun(runId).catch(() => {});
    } catch (err) {
      const error = toAppError(err);
      await driver.destroyRun(runId).catch(() => {});
      await db.run.updateMany({
        where: { id: runId, status: 'creating' },
        data: { status: 'failed', stage: 'failed', error: error.message, destroyedAt: new Date() },
      });
    }
  }

  /** A run the user may see: their own, or anyone's for staff. */
  async get(user: User, runId: string): Promise<RunView> {
    const row = await this.deps.db.run.findUnique({ where: { id: runId }, select: runSelect });
    if (!row || (row.userId !== user.id && !isStaff(user))) throw new AppError('NotFound', 'There is no such lab run.');
    return toView(row);
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

  /** Grades the run's sandbox as it is now and records the grade. Opened hints cost points. */
  async check(user: User, runId: string): Promise<GradeView> {
    // Authorise before joining a Check in flight: the pending grade is the run owner's data.
    const run = await this.getReady(user, runId);
    if (run.exam?.mode === 'timed') throw new AppError('Forbidden', 'In a timed exam your work is graded when the exam ends; practice mode lets you check as you go.');
    return this.recordGrade(run);
  }

  /**
   * Grades the run now and records the grade; joins a grading already under way. The caller has
   * authorised the run (check() above; an exam attempt's owner in lib/exams/attempts.ts).
   */
  async recordGrade(run: RunView): Promise<GradeView> {
    const runId = run.id;
    const pending = this.checking.get(runId);
    if (pending) return pending;
    const grading = this.grade(run).finally(() => this.checking.delete(runId));
    this.checking.set(runId, grading);
    return grading;
  }

  private async grade(run: RunView): Promise<GradeView> {
    const { db, driver } = this.deps;
    const runId = run.id;
    await this.touch(runId);
    const lab = await this.labOf(run);
    const raw = await gradeLab(driver, runId, lab);
    const costs = await this.hintCosts(runId);
    const graded = applyHintCosts(raw, costs);
    const row = await db.grade.create({
      data: {
        runId,
        score: graded.score,
        maxScore: graded.maxScore,
        tasks: { create: graded.tasks.map((t) => ({ taskId: t.id, status: t.status, message: t.message, points: t.points })) },
      },
      select: { id: true, createdAt: true },
    });
    return {
      id: row.id,
      runId,
      score: graded.score,
      maxScore: graded.maxScore,
      createdAt: row.createdAt,
      tasks: graded.tasks.map((t) => ({ taskId: t.id, status: t.status, message: t.message, points: t.points, maxPoints: t.maxPoints })),
    };
  }

  private async hintCosts(runId: string): Promise<Map<string, number>> {
    const opened = await this.deps.db.hintUnlock.findMany({ where: { runId }, select: { taskId: true, cost: true } });
    const costs = new Map<string, number>();
    for (const h of opened) costs.set(h.taskId, (costs.get(h.taskId) ?? 0) + h.cost);
    return costs;
  }

  /** The latest grade of a run, or null before the first Check. */
  async latestGrade(user: User, runId: string): Promise<GradeView | null> {
    const run = await this.get(user, runId);
    const row = await this.deps.db.grade.findFirst({
      where: { runId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, score: true, maxScore: true, createdAt: true, tasks: { select: { taskId: true, status: true, message: true, points: true } } },
    });
    if (!row) return null;
    const lab = await this.labOf(run).catch(() => undefined);
    const max = new Map(lab?.tasks.map((t) => [t.id, t.points]) ?? []);
    return {
      id: row.id,
      runId,
      score: row.score,
      maxScore: row.maxScore,
      createdAt: row.createdAt,
      tasks: row.tasks.map((t) => ({ ...t, status: z.enum(['passed', 'failed', 'error']).parse(t.status), maxPoints: max.get(t.taskId) ?? t.points })),
    };
  }

  /** Every hint of the run's lab; the text only of those opened, or free and unlocked. */
  async hints(user: User, runId: string): Promise<HintView[]> {
    const run = await this.get(user, runId);
    const lab = await this.labOf(run);
    const opened = await this.deps.db.hintUnlock.findMany({ where: { runId }, select: { taskId: true, hint: true } });
    const isOpen = (taskId: string, index: number) => opened.some((h) => h.taskId === taskId && h.hint === index);
    return lab.tasks.flatMap((task) =>
      task.hints.map((hint, index) => ({
        taskId: task.id,
        index,
        cost: hint.cost,
        unlockAfterSeconds: hint.unlockAfterSeconds,
        ...(isOpen(task.id, index) ? { text: hint.text } : {}),
      })),
    );
  }

  /** Opens a hint once its time has come; its cost is recorded against the task. */
  async openHint(user: User, runId: string, taskId: string, index: number): Promise<HintView> {
    const run = await this.getReady(user, runId);
    if (run.exam?.mode === 'timed') throw new AppError('Forbidden', 'Hints are off in a timed exam; practice mode has them.');
    const lab = await this.labOf(run);
    const hint = lab.tasks.find((t) => t.id === taskId)?.hints[index];
    if (!hint) throw new AppError('NotFound', 'There is no such hint.');
    const waited = (Date.now() - run.createdAt.getTime()) / 1000;
    if (waited < hint.unlockAfterSeconds) {
      throw new AppError('BadRequest', `This hint opens ${Math.ceil(hint.unlockAfterSeconds - waited)} s from now. Keep trying meanwhile.`);
    }
    await this.deps.db.hintUnlock.upsert({
      where: { runId_taskId_hint: { runId, taskId, hint: index } },
      create: { runId, taskId, hint: index, cost: hint.cost },
      update: {},
    });
    return { taskId, index, cost: hint.cost, unlockAfterSeconds: hint.unlockAfterSeconds, text: hint.text };
  }

  /** A folder of a node, for the editor's file browser. */
  async listFiles(user: User, runId: string, node: string, dir: string): Promise<FileEntry[]> {
    await this.node(user, runId, node);
    return this.deps.driver.listFiles(runId, node, absolute(dir));
  }

  /** A text file of a node, for the editor. Binary and huge files are refused, not mangled. */
  async readFile(user: User, runId: string, node: string, path: string): Promise<string> {
    await this.node(user, runId, node);
    await this.touch(runId);
    const content = await this.deps.driver.readFile(runId, node, absolute(path));
    if (content.length > EDITOR_MAX_BYTES) throw new AppError('BadRequest', `${path} is ${Math.round(content.length / 1024)} KiB; the editor opens files up to 1 MiB. Use the terminal.`);
    if (content.includes(0)) throw new AppError('BadRequest', `${path} is a binary file; the editor opens text files only.`);
    return content.toString('utf8');
  }

  async writeFile(user: User, runId: string, node: string, path: string, content: string): Promise<void> {
    await this.node(user, runId, node);
    if (Buffer.byteLength(content) > EDITOR_MAX_BYTES) throw new AppError('BadRequest', 'The editor saves files up to 1 MiB.');
    await this.touch(runId);
    await this.deps.driver.writeFile(runId, node, absolute(path), content);
  }

  /** Ends the run and removes its sandbox; its grades stay. */
  async end(user: User, runId: string): Promise<RunView> {
    const run = await this.get(user, runId);
    if (run.exam) throw new AppError('BadRequest', 'This sandbox is an exam question\'s: it ends with the exam. Submit the exam to end it now.');
    return this.finish(runId, 'ended');
  }

  /** Ends a run for a service that has authorised it already (an exam attempt ending, a question reset). */
  async retire(runId: string, why?: string): Promise<RunView> {
    return this.finish(runId, 'ended', why);
  }

  /** A fresh sandbox for the same lab: the old run ends (its grades stay), a new one starts. */
  async reset(user: User, runId: string): Promise<RunView> {
    const run = await this.get(user, runId);
    // Staff may look at anyone's run, but a fresh sandbox is the student's to ask for.
    if (run.userId !== user.id) throw new AppError('Forbidden', 'Only the student who started a run can reset it.');
    if (run.exam) throw new AppError('BadRequest', 'Reset an exam question from the exam: "Reset this question".');
    await this.finish(runId, 'ended');
    return this.start(user, run.labId);
  }

  private async finish(runId: string, status: 'ended' | 'expired', why?: string): Promise<RunView> {
    const { db, driver } = this.deps;
    await db.run.updateMany({ where: { id: runId, status: { in: LIVE } }, data: { status, stage: status, stageDetail: '', destroyedAt: new Date(), ...(why ? { error: why } : {}) } });
    this.touched.delete(runId);
    this.deps.onFinish?.(runId);
    await driver.destroyRun(runId).catch((err: Error) => console.error(`[netdojo] destroying run ${runId}: ${err.message}`));
    const row = await db.run.findUniqueOrThrow({ where: { id: runId }, select: runSelect });
    return toView(row);
  }

  /** The user's runs, newest first, with their best grade: the history page. */
  async history(user: User, options: { userId?: string } = {}) {
    const userId = options.userId && isStaff(user) ? options.userId : user.id;
    const rows = await this.deps.db.run.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      take: 200,
      select: { ...runSelect, grades: { orderBy: { score: 'desc' }, take: 1, select: { score: true, maxScore: true, createdAt: true } } },
    });
    return rows.map((row) => ({ ...toView(row), best: row.grades[0] ?? null }));
  }

  /** Live runs of a user, by lab: the catalogue's "continue" links. */
  async live(user: User): Promise<RunView[]> {
    const rows = await this.deps.db.run.findMany({ where: { userId: user.id, status: { in: LIVE } }, select: runSelect });
    return rows.map(toView);
  }

  /**
   * Ends runs past their time, then removes sandboxes no live run owns: left by a crash, or by a
   * server that restarted while creating one. Runs recorded as live keep their sandboxes.
   */
  async reap(): Promise<{ expired: string[]; idle: string[]; removed: string[] }> {
    const { db, driver } = this.deps;
    const due = await db.run.findMany({ where: { status: { in: LIVE }, expiresAt: { lte: new Date() } }, select: { id: true } });
    for (const { id } of due) await this.finish(id, 'expired');
    const idle: string[] = [];
    // Exam questions are not ended for idling: a student may leave a question and come back.
    const ready = await db.run.findMany({ where: { status: 'ready', attemptId: null }, select: { id: true, labId: true, activeAt: true } });
    for (const run of ready) {
      const minutes = await this.findLab(run.labId).then((lab) => lab.sandbox.idleTimeoutMinutes, () => DEFAULT_IDLE_MINUTES);
      if (Date.now() - run.activeAt.getTime() < minutes * 60_000) continue;
      await this.finish(run.id, 'expired', `Ended after ${minutes} minutes without activity, to free the sandbox for others. Your grades are kept.`);
      idle.push(run.id);
    }
    const live = new Set((await db.run.findMany({ where: { status: { in: LIVE } }, select: { id: true } })).map((r) => r.id));
    const report = await driver.gc({ keep: (id) => live.has(id) || this.creations.has(id) });
    return { expired: due.map((r) => r.id), idle, removed: report.runs };
  }

  /**
   * At start-up: a run left `creating` by the previous process will never finish; it failed.
   * Its half-made sandbox goes with the next reap.
   */
  async recover(): Promise<number> {
    const { count } = await this.deps.db.run.updateMany({
      where: { status: 'creating', id: { notIn: [...this.creations.keys()] } },
      data: { status: 'failed', stage: 'failed', error: 'The server restarted while this sandbox was being created; start the lab again.', destroyedAt: new Date() },
    });
    return count;
  }
}

const EDITOR_MAX_BYTES = 1024 * 1024;

function absolute(path: string): string {
  if (!path.startsWith('/') || path.includes('\0')) throw new AppError('BadRequest', `"${path}" is not an absolute path`);
  return path;
}

/** Takes each task's opened-hint costs off its points (never below zero). */
export function applyHintCosts(grade: Grade, costs: Map<string, number>): Grade {
  const tasks = grade.tasks.map((t) => (t.passed ? { ...t, points: Math.max(0, t.points - (costs.get(t.id) ?? 0)) } : t));
  return { ...grade, tasks, score: tasks.reduce((sum, t) => sum + t.points, 0) };
}

export interface LabProgress {
  best: { score: number; maxScore: number } | null;
  liveRunId: string | null;
}

/** Per lab the user's best grade and live run: the catalogue's badges. */
export async function labProgress(db: Db, user: User): Promise<Map<string, LabProgress>> {
  const rows = await db.run.findMany({
    where: { userId: user.id },
    select: { id: true, labId: true, status: true, grades: { orderBy: { score: 'desc' }, take: 1, select: { score: true, maxScore: true } } },
  });
  const progress = new Map<string, LabProgress>();
  for (const row of rows) {
    const entry = progress.get(row.labId) ?? { best: null, liveRunId: null };
    const grade = row.grades[0];
    if (grade && (!entry.best || grade.score / Math.max(1, grade.maxScore) > entry.best.score / Math.max(1, entry.best.maxScore))) entry.best = grade;
    if (LIVE.includes(RunStatus.parse(row.status))) entry.liveRunId = row.id;
    progress.set(row.labId, entry);
  }
  return progress;
}
