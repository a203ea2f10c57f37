// Checks and hints of a run: grading its sandbox now (one grading per run at a time), the grades
// kept, and hints that open after a while and cost points. Every public call authorises first,
// through the store, before it looks at anything of the run, in-flight gradings included.
import { z } from 'zod';
import type { SandboxDriver } from '../../sandbox/driver';
import type { User } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Grade } from '../grading';
import { gradeLab } from '../lab-runs';
import type { RunView } from './lifecycle';
import type { RunStore } from './store';

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

export class RunGrading {
  /** Runs being graded: a second Check waits for the first instead of running beside it. */
  private readonly checking = new Map<string, Promise<GradeView>>();

  constructor(private readonly deps: { db: Db; driver: SandboxDriver; store: RunStore; onGraded?: (runId: string, grade: GradeView) => void }) {}

  /** Grades the run's sandbox as it is now and records the grade. Opened hints cost points. */
  async check(user: User, runId: string): Promise<GradeView> {
    // Authorise before joining a Check in flight: the pending grade is the run owner's data.
    const run = await this.deps.store.getReady(user, runId);
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
    await this.deps.store.touch(runId);
    const lab = await this.deps.store.labOf(run);
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
    const view: GradeView = {
      id: row.id,
      runId,
      score: graded.score,
      maxScore: graded.maxScore,
      createdAt: row.createdAt,
      tasks: graded.tasks.map((t) => ({ taskId: t.id, status: t.status, message: t.message, points: t.points, maxPoints: t.maxPoints })),
    };
    this.deps.onGraded?.(runId, view);
    return view;
  }

  private async hintCosts(runId: string): Promise<Map<string, number>> {
    const opened = await this.deps.db.hintUnlock.findMany({ where: { runId }, select: { taskId: true, cost: true } });
    const costs = new Map<string, number>();
    for (const h of opened) costs.set(h.taskId, (costs.get(h.taskId) ?? 0) + h.cost);
    return costs;
  }

  /** The latest grade of a run, or null before the first Check. */
  async latestGrade(user: User, runId: string): Promise<GradeView | null> {
    const run = await this.deps.store.get(user, runId);
    const row = await this.deps.db.grade.findFirst({
      where: { runId },
      orderBy: { createdAt: 'desc' },
      select: { id: true, score: true, maxScore: true, createdAt: true, tasks: { select: { taskId: true, status: true, message: true, points: true } } },
    });
    if (!row) return null;
    const lab = await this.deps.store.labOf(run).catch(() => undefined);
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
    const run = await this.deps.store.get(user, runId);
    const lab = await this.deps.store.labOf(run);
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
    const run = await this.deps.store.getReady(user, runId);
    if (run.exam?.mode === 'timed') throw new AppError('Forbidden', 'Hints are off in a timed exam; practice mode has them.');
    const lab = await this.deps.store.labOf(run);
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
}

/** Takes each task's opened-hint costs off its points (never below zero). */
export function applyHintCosts(grade: Grade, costs: Map<string, number>): Grade {
  const tasks = grade.tasks.map((t) => (t.passed ? { ...t, points: Math.max(0, t.points - (costs.get(t.id) ?? 0)) } : t));
  return { ...grade, tasks, score: tasks.reduce((sum, t) => sum + t.points, 0) };
}
