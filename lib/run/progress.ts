// What a student has done, across runs: the history page, and the catalogue's best grades and
// "continue" links. Queries only; they never change a run.
import type { User } from '../auth';
import type { Db } from '../db';
import { mayOversee } from '../oversight';
import { LIVE, RunStatus, runSelect, toView } from './lifecycle';

/** The user's runs, newest first, with their best grade: the history page. */
export async function history(db: Db, user: User, options: { userId?: string } = {}) {
  const userId = options.userId && (await mayOversee(db, user, options.userId)) ? options.userId : user.id;
  const rows = await db.run.findMany({
    where: { userId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { ...runSelect, grades: { orderBy: { score: 'desc' }, take: 1, select: { score: true, maxScore: true, createdAt: true } } },
  });
  return rows.map((row) => ({ ...toView(row), best: row.grades[0] ?? null }));
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
