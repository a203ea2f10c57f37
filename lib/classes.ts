// Classes, their enrolment links, assignments and submissions: the instructor's side of
// Netdojo, and the only writer of those rows. An instructor sees and manages only the classes
// they teach (an admin, all of them); lib/oversight.ts uses the same membership to decide whose
// runs an instructor may open.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { isStaff, type User } from './auth';
import type { Db } from './db';
import { AppError } from './errors';
import { findLab } from './lab-catalogue';
import type { Lab } from './labs/schema';
import type { Runs } from './runs';

export const Counts = z.enum(['last', 'best']);
export type Counts = z.infer<typeof Counts>;

export const NewAssignment = z
  .object({
    labId: z.string().min(1).max(64),
    opensAt: z.coerce.date(),
    dueAt: z.coerce.date(),
    counts: Counts.default('last'),
  })
  .refine((a) => a.dueAt > a.opensAt, { message: 'the due date must come after the open date', path: ['dueAt'] });
export type NewAssignment = z.infer<typeof NewAssignment>;

export interface ClassView {
  id: string;
  name: string;
  joinCode: string | null;
  joinExpiresAt: Date | null;
  members: { id: string; name: string; email: string; joinedAt: Date }[];
  assignments: AssignmentView[];
}

export interface AssignmentView {
  id: string;
  classId: string;
  className: string;
  labId: string;
  labTitle: string;
  opensAt: Date;
  dueAt: Date;
  counts: Counts;
}

export interface StudentAssignment extends AssignmentView {
  submitted: { score: number; maxScore: number; late: boolean; at: Date } | null;
}

export type Cell = { status: 'passed' | 'failed' | 'error' | 'not-tried'; points: number; message: string };

export interface Matrix {
  assignment: AssignmentView;
  tasks: { id: string; title: string; points: number }[];
  rows: { student: { id: string; name: string; email: string }; submission: { runId: string; score: number; maxScore: number; late: boolean; automatic: boolean; at: Date } | null; liveRunId: string | null; cells: Cell[] }[];
  /** Tasks that fail most across the class, each with its most common failure messages. */
  hardest: { taskId: string; failed: number; messages: { message: string; count: number }[] }[];
}

export interface ClassesDeps {
  db: Db;
  runs: Runs;
  findLab?: (id: string) => Promise<Lab>;
}

export class Classes {
  private readonly findLab: (id: string) => Promise<Lab>;

  constructor(private readonly deps: ClassesDeps) {
    this.findLab = deps.findLab ?? findLab;
  }

  private assertStaff(user: User) {
    if (!isStaff(user)) throw new AppError('Forbidden', 'Only instructors manage classes.');
  }

  /** A class the user teaches (or any, for an admin); anyone else is told it does not exist. */
  private async taught(user: User, classId: string) {
    this.assertStaff(user);
    const row = await this.deps.db.class.findUnique({ where: { id: classId }, select: { id: true, name: true, ownerId: true, joinCode: true, joinExpiresAt: true } });
    if (!row || (row.ownerId !== user.id && user.role !== 'admin')) throw new AppError('NotFound', 'There is no such class.');
    return row;
  }

  async create(user: User, name: string, joinExpiresAt?: Date): Promise<ClassView> {
    this.assertStaff(user);
    const row = await this.deps.db.class.create({ data: { name: name.trim(), ownerId: user.id, joinCode: newCode(), joinExpiresAt: joinExpiresAt ?? null }, select: { id: true } });
    return this.get(user, row.id);
  }

  /** A new enrolment link; the old one stops working. */
  async renewLink(user: User, classId: string, joinExpiresAt?: Date): Promise<ClassView> {
    await this.taught(user, classId);
    await this.deps.db.class.update({ where: { id: classId }, data: { joinCode: newCode(), joinExpiresAt: joinExpiresAt ?? null } });
    return this.get(user, classId);
  }

  /** The classes the user teaches (an admin: every class). */
  async taughtBy(user: User): Promise<{ id: string; name: string; members: number }[]> {
    this.assertStaff(user);
    const rows = await this.deps.db.class.findMany({
      where: user.role === 'admin' ? {} : { ownerId: user.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true, name: true, _count: { select: { members: true } } },
    });
    return rows.map((r) => ({ id: r.id, name: r.name, members: r._count.members }));
  }

  async get(user: User, classId: string): Promise<ClassView> {
    const row = await this.taught(user, classId);
    const [members, assignments] = await Promise.all([
      this.deps.db.classMember.findMany({ where: { classId }, orderBy: { joinedAt: 'asc' }, select: { joinedAt: true, user: { select: { id: true, name: true, email: true } } } }),
      this.assignmentRows({ classId }),
    ]);
    return {
      id: row.id,
      name: row.name,
      joinCode: row.joinCode,
      joinExpiresAt: row.joinExpiresAt,
      members: members.map((m) => ({ ...m.user, joinedAt: m.joinedAt })),
      assignments,
    };
  }

  /** The class an enrolment link names, for its page; null for an unknown link. */
  async byCode(code: string): Promise<{ name: string } | null> {
    return this.deps.db.class.findUnique({ where: { joinCode: code }, select: { name: true } });
  }

  /** A student follows an enrolment link. Joining twice is harmless. */
  async join(user: User, code: string): Promise<{ classId: string; name: string }> {
    const row = await this.deps.db.class.findUnique({ where: { joinCode: code }, select: { id: true, name: true, joinExpiresAt: true } });
    if (!row) throw new AppError('NotFound', 'This enrolment link is not valid (it may have been replaced); ask your instructor for the current one.');
    if (row.joinExpiresAt && row.joinExpiresAt.getTime() < Date.now()) throw new AppError('Forbidden', 'This enrolment link has expired; ask your instructor for a new one.');
    await this.deps.db.classMember.upsert({ where: { classId_userId: { classId: row.id, userId: user.id } }, create: { classId: row.id, userId: user.id }, update: {} });
    return { classId: row.id, name: row.name };
  }

  async assign(user: User, classId: string, raw: z.input<typeof NewAssignment>): Promise<AssignmentView> {
    await this.taught(user, classId);
    const parsed = NewAssignment.safeParse(raw);
    if (!parsed.success) throw new AppError('BadRequest', parsed.error.issues.map((i) => i.message).join('; '));
    const input = parsed.data;
    const lab = await this.findLab(input.labId);
    const row = await this.deps.db.assignment.create({ data: { classId, labId: lab.id, opensAt: input.opensAt, dueAt: input.dueAt, counts: input.counts }, select: { id: true } });
    return (await this.assignmentRows({ id: row.id }))[0]!;
  }

  private async assignmentRows(where: { classId?: string; id?: string; classIds?: string[] }): Promise<AssignmentView[]> {
    const rows = await this.deps.db.assignment.findMany({
      where: { ...(where.id ? { id: where.id } : {}), ...(where.classId ? { classId: where.classId } : {}), ...(where.classIds ? { classId: { in: where.classIds } } : {}) },
      orderBy: { dueAt: 'asc' },
      select: { id: true, classId: true, labId: true, opensAt: true, dueAt: true, counts: true, class: { select: { name: true } } },
    });
    return Promise.all(
      rows.map(async (r) => ({
        id: r.id,
        classId: r.classId,
        className: r.class.name,
        labId: r.labId,
        labTitle: await this.findLab(r.labId).then((l) => l.title, () => r.labId),
        opensAt: r.opensAt,
        dueAt: r.dueAt,
        counts: Counts.catch('last').parse(r.counts),
      })),
    );
  }

  /** The student's open and past assignments, with what they submitted: the home page's list. */
  async assignmentsOf(user: User): Promise<StudentAssignment[]> {
    const classes = await this.deps.db.classMember.findMany({ where: { userId: user.id }, select: { classId: true } });
    const assignments = (await this.assignmentRows({ classIds: classes.map((c) => c.classId) })).filter((a) => a.opensAt.getTime() <= Date.now());
    const submissions = await this.deps.db.submission.findMany({
      where: { userId: user.id, assignmentId: { in: assignments.map((a) => a.id) } },
      orderBy: { createdAt: 'asc' },
      select: { assignmentId: true, score: true, maxScore: true, late: true, automatic: true, createdAt: true },
    });
    return assignments.map((a) => {
      const counted = countedSubmission(submissions.filter((s) => s.assignmentId === a.id), a.counts);
      return { ...a, submitted: counted ? { score: counted.score, maxScore: counted.maxScore, late: counted.late, at: counted.createdAt } : null };
    });
  }

  /** The open assignment a run of this lab answers, if the student has one. */
  async assignmentForRun(user: User, labId: string): Promise<AssignmentView | null> {
    const mine = (await this.assignmentsOf(user)).filter((a) => a.labId === labId);
    // Several classes may assign the same lab: the one still open first, else the latest due.
    return mine.find((a) => a.dueAt.getTime() > Date.now()) ?? mine.at(-1) ?? null;
  }

  /**
   * Submit: grades the student's run one last time, records it against the assignment (late
   * after the due date) and ends the run. One submission counts: the last or the best.
   */
  async submit(user: User, runId: string, options: { automatic?: boolean; assignmentId?: string } = {}): Promise<StudentAssignment> {
    const run = await this.deps.runs.getReady(user, runId);
    if (run.userId !== user.id) throw new AppError('Forbidden', 'Only the student who started a run can submit it.');
    if (run.exam) throw new AppError('BadRequest', 'An exam question is submitted with its exam.');
    const assignment = options.assignmentId
      ? (await this.assignmentsOf(user)).find((a) => a.id === options.assignmentId)
      : await this.assignmentForRun(user, run.labId);
    if (!assignment) throw new AppError('NotFound', 'This lab is not assigned to you in any class, so there is nothing to submit it to.');
    const grade = await this.deps.runs.recordGrade(run);
    await this.deps.db.submission.create({
      data: {
        assignmentId: assignment.id,
        userId: user.id,
        runId,
        gradeId: grade.id,
        score: grade.score,
        maxScore: grade.maxScore,
        late: !options.automatic && Date.now() > assignment.dueAt.getTime(),
        automatic: options.automatic ?? false,
      },
    });
    await this.deps.runs.retire(runId, options.automatic ? 'The assignment was due: this run was graded and submitted for you.' : 'Submitted: this run was graded and ended.');
    return (await this.assignmentsOf(user)).find((a) => a.id === assignment.id)!;
  }

  /** At the due date, a student's open run of the assignment's lab is graded and submitted for them. */
  async sweepDue(): Promise<number> {
    const { db } = this.deps;
    // Runs live hours, not days: assignments due in the last day are the ones with runs to catch.
    const now = Date.now();
    const due = await db.assignment.findMany({ where: { dueAt: { lte: new Date(now), gte: new Date(now - 24 * 60 * 60_000) } }, select: { id: true, labId: true, opensAt: true, dueAt: true, classId: true } });
    let submitted = 0;
    for (const a of due) {
      const open = await db.run.findMany({
        where: { labId: a.labId, status: 'ready', attemptId: null, createdAt: { gte: a.opensAt, lte: a.dueAt }, user: { memberships: { some: { classId: a.classId } } } },
        select: { id: true, userId: true, user: { select: { id: true, email: true, name: true, role: true } } },
      });
      for (const run of open) {
        if (!run.user) continue;
        const already = await db.submission.findFirst({ where: { assignmentId: a.id, userId: run.user.id }, select: { id: true } });
        if (already) continue;
        const student = { ...run.user, role: 'student' as const };
        await this.submit(student, run.id, { automatic: true, assignmentId: a.id }).then(() => submitted++, (err: Error) => console.error(`[netdojo] auto-submitting run ${run.id}: ${err.message}`));
      }
    }
    return submitted;
  }

  /** The roster x task matrix of an assignment, and where the class struggles. */
  async matrix(user: User, assignmentId: string): Promise<Matrix> {
    const { db } = this.deps;
    const row = await db.assignment.findUnique({ where: { id: assignmentId }, select: { classId: true } });
    if (!row) throw new AppError('NotFound', 'There is no such assignment.');
    const klass = await this.get(user, row.classId);
    const assignment = klass.assignments.find((a) => a.id === assignmentId)!;
    const lab = await this.findLab(assignment.labId);
    const tasks = lab.tasks.map((t) => ({ id: t.id, title: t.title, points: t.points }));
    const submissions = await db.submission.findMany({
      where: { assignmentId },
      orderBy: { createdAt: 'asc' },
      select: { userId: true, runId: true, gradeId: true, score: true, maxScore: true, late: true, automatic: true, createdAt: true },
    });
    // Runs of the lab still open, for the instructor's live view.
    const live = await db.run.findMany({ where: { labId: assignment.labId, status: 'ready', attemptId: null, userId: { in: klass.members.map((m) => m.id) } }, select: { id: true, userId: true } });
    const grades = await db.grade.findMany({ where: { id: { in: submissions.map((s) => s.gradeId) } }, select: { id: true, tasks: { select: { taskId: true, status: true, message: true, points: true } } } });
    const failures = new Map<string, Map<string, number>>();
    const rows = klass.members.map((student) => {
      const counted = countedSubmission(submissions.filter((s) => s.userId === student.id), assignment.counts);
      const grade = counted && grades.find((g) => g.id === counted.gradeId);
      const cells = tasks.map((task): Cell => {
        const result = grade?.tasks.find((t) => t.taskId === task.id);
        if (!result) return { status: 'not-tried', points: 0, message: '' };
        const status = z.enum(['passed', 'failed', 'error']).catch('error').parse(result.status);
        if (status !== 'passed') {
          const messages = failures.get(task.id) ?? new Map<string, number>();
          messages.set(result.message, (messages.get(result.message) ?? 0) + 1);
          failures.set(task.id, messages);
        }
        return { status, points: result.points, message: result.message };
      });
      return {
        student: { id: student.id, name: student.name, email: student.email },
        submission: counted ? { runId: counted.runId, score: counted.score, maxScore: counted.maxScore, late: counted.late, automatic: counted.automatic, at: counted.createdAt } : null,
        liveRunId: live.find((r) => r.userId === student.id)?.id ?? null,
        cells,
      };
    });
    const hardest = [...failures]
      .map(([taskId, messages]) => ({
        taskId,
        failed: [...messages.values()].reduce((a, b) => a + b, 0),
        messages: [...messages].map(([message, count]) => ({ message, count })).sort((a, b) => b.count - a.count).slice(0, 3),
      }))
      .sort((a, b) => b.failed - a.failed);
    return { assignment, tasks, rows, hardest };
  }

  /** The matrix as CSV, one row per student: for a spreadsheet or an LMS import. */
  async csv(user: User, assignmentId: string): Promise<{ filename: string; text: string }> {
    const m = await this.matrix(user, assignmentId);
    const header = ['name', 'email', 'score', 'max_score', 'submitted_at', 'late', ...m.tasks.map((t) => `task:${t.id}`)];
    const lines = m.rows.map((r) => [
      r.student.name,
      r.student.email,
      r.submission ? String(r.submission.score) : '',
      r.submission ? String(r.submission.maxScore) : String(m.tasks.reduce((s, t) => s + t.points, 0)),
      r.submission ? r.submission.at.toISOString() : '',
      r.submission ? String(r.submission.late) : '',
      ...r.cells.map((c) => (c.status === 'not-tried' ? '' : `${c.status}:${c.points}`)),
    ]);
    const text = [header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
    return { filename: `${m.assignment.className}-${m.assignment.labId}.csv`.replace(/[^\w.-]+/g, '_'), text };
  }
}

function newCode(): string {
  return randomBytes(12).toString('base64url');
}

function countedSubmission<T extends { score: number; maxScore: number; createdAt: Date }>(list: T[], counts: Counts): T | undefined {
  if (counts === 'last') return list.at(-1);
  return [...list].sort((a, b) => b.score / Math.max(1, b.maxScore) - a.score / Math.max(1, a.maxScore))[0];
}

/** RFC 4180 quoting, and a leading ' on text a spreadsheet would run as a formula. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
