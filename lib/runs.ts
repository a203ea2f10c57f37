// A student's lab run: the database row and the sandbox behind it, kept in step. This class
// admits and creates runs and ends them; it is the only code that moves a run's status, through
// the one table of moves in run/lifecycle.ts. The rest of a run's life has a file each, and Runs
// hands the calls on: who may see a run (run/store.ts), Checks and hints (run/grading.ts), the
// editor's files (run/files.ts), and the history queries (run/progress.ts).
//
// Every function takes the acting user and checks it may act on the run, so a route handler or
// the terminal upgrade cannot forget to.
import type { FileEntry, SandboxDriver } from '../sandbox/driver';
import type { KernelReport } from '../sandbox/kernel-features';
import type { User } from './auth';
import type { Db } from './db';
import type { Limits } from './env';
import { AppError, toAppError } from './errors';
import type { Exam } from './exams/schema';
import { startLab } from './lab-runs';
import { drawParams, renderLab, type Params } from './labs/params';
import type { Lab } from './labs/schema';
import { RunFiles } from './run/files';
import { RunGrading, type GradeView, type HintView } from './run/grading';
import { LIVE, moveRun, runSelect, toView, type RunStage, type RunView } from './run/lifecycle';
import { history } from './run/progress';
import { RunStore } from './run/store';

/** For a run whose lab has since disappeared from labs/. */
const DEFAULT_IDLE_MINUTES = 15;

/** Minutes a sandbox outlives its run's time limit, so the reaper, not the engine, ends it. */
const ENGINE_GRACE_SECONDS = 10 * 60;

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
  /** Told of every grade recorded, so the run's recordings get a marker. */
  onGraded?: (runId: string, grade: GradeView) => void;
}

export class Runs {
  readonly store: RunStore;
  private readonly grading: RunGrading;
  private readonly files: RunFiles;
  /** Starts are serialised so that two clicks cannot both pass the limits. */
  private starting: Promise<unknown> = Promise.resolve();
  /** Sandboxes being created in this process, for tests and shutdown. */
  readonly creations = new Map<string, Promise<void>>();

  constructor(private readonly deps: RunsDeps) {
    this.store = new RunStore(deps);
    this.grading = new RunGrading({ db: deps.db, driver: deps.driver, store: this.store, onGraded: deps.onGraded });
    this.files = new RunFiles({ driver: deps.driver, store: this.store });
  }

  // Who may see a run, and the lab as it sees it (run/store.ts).
  get = (user: User, runId: string): Promise<RunView> => this.store.get(user, runId);
  getReady = (user: User, runId: string): Promise<RunView> => this.store.getReady(user, runId);
  node = (user: User, runId: string, node: string): Promise<RunView> => this.store.node(user, runId, node);
  viewOf = (runId: string): Promise<RunView> => this.store.viewOf(runId);
  touch = (runId: string): Promise<void> => this.store.touch(runId);
  labOf = (run: Pick<RunView, 'labId' | 'params' | 'exam'>): Promise<Lab> => this.store.labOf(run);

  // Checks and hints (run/grading.ts).
  check = (user: User, runId: string): Promise<GradeView> => this.grading.check(user, runId);
  recordGrade = (run: RunView): Promise<GradeView> => this.grading.recordGrade(run);
  latestGrade = (user: User, runId: string): Promise<GradeView | null> => this.grading.latestGrade(user, runId);
  hints = (user: User, runId: string): Promise<HintView[]> => this.grading.hints(user, runId);
  openHint = (user: User, runId: string, taskId: string, index: number): Promise<HintView> => this.grading.openHint(user, runId, taskId, index);

  // The editor's files (run/files.ts).
  listFiles = (user: User, runId: string, node: string, dir: string): Promise<FileEntry[]> => this.files.listFiles(user, runId, node, dir);
  readFile = (user: User, runId: string, node: string, path: string): Promise<string> => this.files.readFile(user, runId, node, path);
  writeFile = (user: User, runId: string, node: string, path: string, content: string): Promise<void> => this.files.writeFile(user, runId, node, path, content);

  /** The user's runs, newest first, with their best grade (run/progress.ts). */
  history = (user: User, options: { userId?: string } = {}) => history(this.deps.db, user, options);

  /**
   * Starts a lab for the user: checks the limits, records the run, and creates its sandbox in the
   * background (`stage` tells the player what is happening). Resolves once the run is recorded.
   */
  async start(user: User, labId: string): Promise<RunView> {
    return this.launch(user, await this.store.findLab(labId));
  }

  /**
   * Starts the sandbox of an exam question. The attempt's rules apply, not the lab's: it does
   * not count towards the one-run-per-lab and runs-per-user limits, lives until `expiresAt`
   * (the attempt's end) and is not ended for idling; the server's capacity still applies.
   * The caller (lib/exams/attempts.ts) has checked the attempt is the user's.
   */
  async startQuestion(user: User, question: { attemptId: string; questionId: string; labId: string; expiresAt: Date }): Promise<RunView> {
    return this.launch(user, await this.store.findLab(question.labId), question);
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
      const sandbox = await startLab(driver, rendered, { runId, kernel: await this.store.kernel(), ttlSeconds, onStage: stage });
      const nodes = sandbox.nodes.map(({ name, addresses }) => ({ name, addresses }));
      const moved = await moveRun(db, { id: runId }, 'ready', { nodes: JSON.stringify(nodes) });
      // Ended while it was being created: nobody wants this sandbox any more.
      if (moved === 0) await driver.destroyRun(runId).catch(() => {});
    } catch (err) {
      const error = toAppError(err);
      await driver.destroyRun(runId).catch(() => {});
      await moveRun(db, { id: runId }, 'failed', { error: error.message, destroyedAt: new Date() });
    }
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
    await moveRun(db, { id: runId }, status, { destroyedAt: new Date(), ...(why ? { error: why } : {}) });
    this.store.forget(runId);
    this.deps.onFinish?.(runId);
    await driver.destroyRun(runId).catch((err: Error) => console.error(`[netdojo] destroying run ${runId}: ${err.message}`));
    const row = await db.run.findUniqueOrThrow({ where: { id: runId }, select: runSelect });
    return toView(row);
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
      const minutes = await this.store.findLab(run.labId).then((lab) => lab.sandbox.idleTimeoutMinutes, () => DEFAULT_IDLE_MINUTES);
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
    return moveRun(this.deps.db, { status: 'creating', id: { notIn: [...this.creations.keys()] } }, 'failed', {
      error: 'The server restarted while this sandbox was being created; start the lab again.',
      destroyedAt: new Date(),
    });
  }
}
