// Exam attempts: a student's sitting of an exam, and the only writer of its rows. An attempt
// moves `active -> grading -> graded`; a timed one is graded at its deadline by the server (a
// timer, and a sweep that catches deadlines a restart missed), whether or not a browser is open.
// Each question gets its own sandbox the first time it is opened (so twenty questions do not
// start twenty sandboxes at once), with params drawn afresh, so a retake is a different exam.
import { z } from 'zod';
import type { User } from '../auth';
import type { Db } from '../db';
import { AppError } from '../errors';
import { findExam } from '../exam-catalogue';
import { mayOversee } from '../oversight';
import type { GradeView } from '../run/grading';
import type { RunView } from '../run/lifecycle';
import type { Runs } from '../runs';
import type { Exam } from './schema';

export const AttemptMode = z.enum(['timed', 'practice']);
export type AttemptMode = z.infer<typeof AttemptMode>;
const AttemptStatus = z.enum(['active', 'grading', 'graded']);

/** A practice attempt has no clock, but its sandboxes do not live for ever. */
const PRACTICE_RUN_HOURS = 3;
/**
 * Questions graded at once when an attempt ends. A failing traffic check mostly waits out its
 * timeouts, so the whole exam takes about as long as its slowest question when they overlap
 * (measured: 20 unsolved questions in 62 s four at a time, the slowest alone 25 s).
 */
const GRADING_CONCURRENCY = 8;
const MAX_NOTES_CHARS = 20_000;

export type QuestionStatus = 'not-started' | 'started' | 'answered';

export interface QuestionView {
  id: string;
  title: string;
  domain: string;
  weight: number;
  labId: string;
  status: QuestionStatus;
  flagged: boolean;
  runId: string | null;
  score: number | null;
  maxScore: number | null;
}

export interface AttemptView {
  id: string;
  userId: string;
  examId: string;
  title: string;
  mode: AttemptMode;
  status: z.infer<typeof AttemptStatus>;
  deadline: Date | null;
  startedAt: Date;
  endedAt: Date | null;
  notes: string;
  score: number | null;
  maxScore: number | null;
  passPercent: number;
  passed: boolean | null;
  questions: QuestionView[];
}

export interface TaskResultView {
  taskId: string;
  title: string;
  status: 'passed' | 'failed' | 'error' | 'not-graded';
  message: string;
  points: number;
  maxPoints: number;
  solution: string;
  explanation: string;
}

export interface ResultsView {
  attempt: AttemptView;
  questions: (QuestionView & { tasks: TaskResultView[] })[];
  domains: { domain: string; score: number; maxScore: number }[];
  events: { kind: string; questionId: string | null; at: Date }[];
}

export interface ExamsDeps {
  db: Db;
  runs: Runs;
  findExam?: (id: string) => Promise<Exam>;
  /** Told when an attempt stops taking work, so the question's open terminals close at once. */
  onClose?: (runId: string) => void;
}

const attemptSelect = {
  id: true,
  userId: true,
  examId: true,
  mode: true,
  status: true,
  deadline: true,
  startedAt: true,
  endedAt: true,
  notes: true,
  score: true,
  maxScore: true,
  questions: { select: { questionId: true, runId: true, flagged: true, answered: true, openedAt: true, score: true, maxScore: true, gradeId: true } },
} as const;

type AttemptRow = NonNullable<Awaited<ReturnType<Db['examAttempt']['findUnique']>>> & {
  questions: { questionId: string; runId: string | null; flagged: boolean; answered: boolean; openedAt: Date | null; score: number | null; maxScore: number | null; gradeId: string | null }[];
};

export class Exams {
  private readonly findExam: (id: string) => Promise<Exam>;
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: ExamsDeps) {
    this.findExam = deps.findExam ?? findExam;
  }

  /** Starts an attempt. One active attempt per exam and student; a retake is a new attempt. */
  async start(user: User, examId: string, mode: AttemptMode): Promise<AttemptView> {
    const exam = await this.findExam(examId);
    const { db } = this.deps;
    const open = await db.examAttempt.findFirst({ where: { userId: user.id, examId, status: 'active' }, select: { id: true } });
    if (open) throw new AppError('ActiveRunExists', `You are already sitting "${exam.title}". Go back to it, or submit it to start afresh.`, { attemptId: open.id });
    const row = await db.examAttempt.create({
      data: {
        userId: user.id,
        examId,
        mode,
        status: 'active',
        deadline: mode === 'timed' ? new Date(Date.now() + exam.durationMinutes * 60_000) : null,
        questions: { create: exam.questions.map((q) => ({ questionId: q.id })) },
        events: { create: { kind: 'started' } },
      },
      select: attemptSelect,
    });
    this.schedule(row.id, row.deadline);
    return this.toView(row as AttemptRow, exam);
  }

  /** An attempt the user may see: their own, or a student's they oversee. Always checked first. */
  private async row(user: User, attemptId: string): Promise<AttemptRow> {
    const row = await this.deps.db.examAttempt.findUnique({ where: { id: attemptId }, select: attemptSelect });
    if (!row || (row.userId !== user.id && !(await mayOversee(this.deps.db, user, row.userId)))) throw new AppError('NotFound', 'There is no such exam attempt.');
    return row as AttemptRow;
  }

  /** As row(), for changing it: only its student, and only while it runs. */
  private async ownActive(user: User, attemptId: string): Promise<AttemptRow> {
    const row = await this.row(user, attemptId);
    if (row.userId !== user.id) throw new AppError('Forbidden', 'Only the student sitting an exam can work on it.');
    if (row.status !== 'active' || (row.deadline && row.deadline.getTime() <= Date.now())) {
      throw new AppError('RunEnded', 'This exam has ended; its results are on the results page.');
    }
    return row;
  }

  async get(user: User, attemptId: string): Promise<AttemptView> {
    const row = await this.row(user, attemptId);
    return this.toView(row, await this.findExam(row.examId));
  }

  /** The user's attempts, newest first: the exam page's history. */
  async list(user: User, examId?: string): Promise<AttemptView[]> {
    const rows = await this.deps.db.examAttempt.findMany({ where: { userId: user.id, ...(examId ? { examId } : {}) }, orderBy: { startedAt: 'desc' }, take: 50, select: attemptSelect });
    const views: AttemptView[] = [];
    for (const row of rows) {
      const exam = await this.findExam(row.examId).catch(() => undefined);
      if (exam) views.push(this.toView(row as AttemptRow, exam));
    }
    return views;
  }

  /** Opens a question: its sandbox starts the first time (or again after it failed). */
  async open(user: User, attemptId: string, questionId: string): Promise<QuestionView> {
    const row = await this.ownActive(user, attemptId);
    const exam = await this.findExam(row.examId);
    const question = this.question(exam, questionId);
    const state = row.questions.find((q) => q.questionId === questionId)!;
    const current = state.runId ? await this.deps.runs.viewOf(state.runId).catch(() => undefined) : undefined;
    if (!current || current.status === 'failed' || current.status === 'ended' || current.status === 'expired') {
      await this.startQuestionRun(user, row, question.id, question.lab);
      await this.event(attemptId, 'opened', questionId);
    }
    return (await this.get(user, attemptId)).questions.find((q) => q.id === questionId)!;
  }

  /** A fresh sandbox for one question; the others keep theirs. */
  async reset(user: User, attemptId: string, questionId: string): Promise<QuestionView> {
    const row = await this.ownActive(user, attemptId);
    const exam = await this.findExam(row.examId);
    const question = this.question(exam, questionId);
    const state = row.questions.find((q) => q.questionId === questionId)!;
    if (state.runId) {
      this.deps.onClose?.(state.runId);
      await this.deps.runs.retire(state.runId);
    }
    await this.startQuestionRun(user, row, question.id, question.lab);
    await this.event(attemptId, 'reset', questionId);
    return (await this.get(user, attemptId)).questions.find((q) => q.id === questionId)!;
  }

  private async startQuestionRun(user: User, row: AttemptRow, questionId: string, labId: string): Promise<RunView> {
    const expiresAt = row.deadline ?? new Date(Date.now() + PRACTICE_RUN_HOURS * 60 * 60_000);
    const run = await this.deps.runs.startQuestion(user, { attemptId: row.id, questionId, labId, expiresAt });
    await this.deps.db.examQuestion.update({
      where: { attemptId_questionId: { attemptId: row.id, questionId } },
      data: { runId: run.id, openedAt: row.questions.find((q) => q.questionId === questionId)?.openedAt ?? new Date() },
    });
    return run;
  }

  /** Practice mode's Check of one question, recorded in the attempt's history. */
  async check(user: User, attemptId: string, questionId: string): Promise<GradeView> {
    const row = await this.ownActive(user, attemptId);
    if (row.mode !== 'practice') throw new AppError('Forbidden', 'In a timed exam your work is graded when the exam ends; practice mode lets you check as you go.');
    const runId = row.questions.find((q) => q.questionId === questionId)?.runId;
    if (!runId) throw new AppError('RunNotReady', 'Start this question first.');
    const grade = await this.deps.runs.check(user, runId);
    await this.event(attemptId, 'checked', questionId);
    return grade;
  }

  /** The student's marks on a question: flagged for review, answered. */
  async mark(user: User, attemptId: string, questionId: string, marks: { flagged?: boolean; answered?: boolean }): Promise<QuestionView> {
    const row = await this.ownActive(user, attemptId);
    this.question(await this.findExam(row.examId), questionId);
    await this.deps.db.examQuestion.update({ where: { attemptId_questionId: { attemptId, questionId } }, data: marks });
    if (marks.flagged !== undefined) await this.event(attemptId, marks.flagged ? 'flagged' : 'unflagged', questionId);
    if (marks.answered !== undefined) await this.event(attemptId, marks.answered ? 'answered' : 'unanswered', questionId);
    return (await this.get(user, attemptId)).questions.find((q) => q.id === questionId)!;
  }

  async saveNotes(user: User, attemptId: string, notes: string): Promise<void> {
    await this.ownActive(user, attemptId);
    if (notes.length > MAX_NOTES_CHARS) throw new AppError('BadRequest', `The notepad keeps up to ${MAX_NOTES_CHARS} characters.`);
    await this.deps.db.examAttempt.update({ where: { id: attemptId }, data: { notes } });
  }

  /** Ends the attempt now and grades it. */
  async submit(user: User, attemptId: string): Promise<AttemptView> {
    await this.ownActive(user, attemptId);
    await this.finish(attemptId, 'submitted');
    return this.get(user, attemptId);
  }

  /** Grades every timed attempt whose deadline has passed: the server's clock, not a browser's. */
  async sweep(): Promise<string[]> {
    const due = await this.deps.db.examAttempt.findMany({ where: { status: 'active', deadline: { lte: new Date() } }, select: { id: true } });
    for (const { id } of due) await this.finish(id, 'deadline');
    return due.map((d) => d.id);
  }

  /** At start-up: timers for the deadlines of attempts still running. */
  async recover(): Promise<void> {
    const active = await this.deps.db.examAttempt.findMany({ where: { status: 'active', deadline: { not: null } }, select: { id: true, deadline: true } });
    for (const a of active) this.schedule(a.id, a.deadline);
  }

  private schedule(attemptId: string, deadline: Date | null) {
    if (!deadline) return;
    clearTimeout(this.timers.get(attemptId));
    // setTimeout holds at most ~24.8 days; exams are hours long. The sweep backs this up.
    const timer = setTimeout(() => void this.finish(attemptId, 'deadline').catch((err: Error) => console.error(`[netdojo] grading exam attempt ${attemptId}: ${err.message}`)), Math.max(0, deadline.getTime() - Date.now()));
    timer.unref();
    this.timers.set(attemptId, timer);
  }

  /** Stops the attempt taking work, grades each opened question, ends its sandboxes. Runs once. */
  private async finish(attemptId: string, why: 'submitted' | 'deadline'): Promise<void> {
    const { db, runs } = this.deps;
    clearTimeout(this.timers.get(attemptId));
    this.timers.delete(attemptId);
    const claimed = await db.examAttempt.updateMany({ where: { id: attemptId, status: 'active' }, data: { status: 'grading', endedAt: new Date() } });
    if (claimed.count === 0) return;
    const row = (await db.examAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: attemptSelect })) as AttemptRow;
    const exam = await this.findExam(row.examId);
    await this.event(attemptId, why);
    for (const q of row.questions) if (q.runId) this.deps.onClose?.(q.runId);

    const queue = [...row.questions];
    const grades = new Map<string, GradeView | null>();
    const worker = async () => {
      for (let q = queue.shift(); q; q = queue.shift()) {
        if (!q.runId) continue;
        const run = await runs.viewOf(q.runId).catch(() => undefined);
        grades.set(q.questionId, run?.status === 'ready' ? await runs.recordGrade(run).catch(() => null) : null);
      }
    };
    await Promise.all(Array.from({ length: GRADING_CONCURRENCY }, worker));

    let score = 0;
    let maxScore = 0;
    for (const question of exam.questions) {
      const grade = grades.get(question.id) ?? null;
      const earned = grade && grade.maxScore > 0 ? (question.weight * grade.score) / grade.maxScore : 0;
      score += earned;
      maxScore += question.weight;
      await db.examQuestion.update({
        where: { attemptId_questionId: { attemptId, questionId: question.id } },
        data: { score: round(earned), maxScore: question.weight, gradeId: grade?.id ?? null },
      });
    }
    await db.examAttempt.update({ where: { id: attemptId }, data: { status: 'graded', score: round(score), maxScore } });
    await Promise.all(row.questions.flatMap((q) => (q.runId ? [runs.retire(q.runId, 'The exam ended; this sandbox was graded and removed.').catch(() => {})] : [])));
  }

  /** The graded attempt, question by question and task by task, with solutions. */
  async results(user: User, attemptId: string): Promise<ResultsView> {
    const row = await this.row(user, attemptId);
    if (row.status !== 'graded') throw new AppError('RunNotReady', row.status === 'grading' ? 'The exam is being graded; this takes a few seconds.' : 'The exam is still running; submit it to see the results.');
    const exam = await this.findExam(row.examId);
    const attempt = this.toView(row, exam);
    const questions = await Promise.all(attempt.questions.map(async (q) => ({ ...q, tasks: await this.taskResults(row, q) })));
    const domains = new Map<string, { score: number; maxScore: number }>();
    for (const q of questions) {
      const d = domains.get(q.domain) ?? { score: 0, maxScore: 0 };
      domains.set(q.domain, { score: round(d.score + (q.score ?? 0)), maxScore: d.maxScore + q.weight });
    }
    const events = await this.deps.db.examEvent.findMany({ where: { attemptId }, orderBy: { at: 'asc' }, select: { kind: true, questionId: true, at: true } });
    return { attempt, questions, domains: [...domains].map(([domain, d]) => ({ domain, ...d })), events };
  }

  private async taskResults(row: AttemptRow, question: QuestionView): Promise<TaskResultView[]> {
    const state = row.questions.find((q) => q.questionId === question.id)!;
    if (!state.runId) return [];
    const run = await this.deps.runs.viewOf(state.runId);
    const lab = await this.deps.runs.labOf(run);
    const grade = state.gradeId
      ? await this.deps.db.grade.findUnique({ where: { id: state.gradeId }, select: { tasks: { select: { taskId: true, status: true, message: true, points: true } } } })
      : null;
    return lab.tasks.map((task) => {
      const result = grade?.tasks.find((t) => t.taskId === task.id);
      return {
        taskId: task.id,
        title: task.title,
        status: result ? z.enum(['passed', 'failed', 'error']).catch('error').parse(result.status) : 'not-graded',
        message: result?.message ?? 'The sandbox was not ready when the exam ended, so this task was not graded.',
        points: result?.points ?? 0,
        maxPoints: task.points,
        solution: task.solution.script,
        explanation: task.solution.explanation ?? '',
      };
    });
  }

  private question(exam: Exam, questionId: string) {
    const question = exam.questions.find((q) => q.id === questionId);
    if (!question) throw new AppError('NotFound', `This exam has no question "${questionId}".`);
    return question;
  }

  private async event(attemptId: string, kind: string, questionId?: string) {
    await this.deps.db.examEvent.create({ data: { attemptId, kind, questionId: questionId ?? null } });
  }

  private toView(row: AttemptRow, exam: Exam): AttemptView {
    const status = AttemptStatus.parse(row.status);
    const score = row.score ?? null;
    const maxScore = row.maxScore ?? null;
    return {
      id: row.id,
      userId: row.userId,
      examId: row.examId,
      title: exam.title,
      mode: AttemptMode.parse(row.mode),
      status,
      deadline: row.deadline,
      startedAt: row.startedAt,
      endedAt: row.endedAt,
      notes: row.notes,
      score,
      maxScore,
      passPercent: exam.passPercent,
      passed: status === 'graded' && score !== null && maxScore ? (100 * score) / maxScore >= exam.passPercent : null,
      questions: exam.questions.map((q) => {
        const state = row.questions.find((s) => s.questionId === q.id);
        return {
          id: q.id,
          title: q.title ?? q.lab,
          domain: q.domain,
          weight: q.weight,
          labId: q.lab,
          status: state?.answered ? 'answered' : state?.runId ? 'started' : 'not-started',
          flagged: state?.flagged ?? false,
          runId: state?.runId ?? null,
          score: state?.score ?? null,
          maxScore: state?.maxScore ?? null,
        };
      }),
    };
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
