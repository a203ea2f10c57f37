// Who may look at a student's work besides the student: an admin, or an instructor who teaches
// a class the student is in. Every path that shows a run, an exam attempt or a terminal to
// someone other than its owner asks this first.
import { isStaff, type User } from './auth';
import type { Db } from './db';

export async function mayOversee(db: Db, viewer: User, studentId: string | null): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if (!isStaff(viewer) || !studentId) return false;
  const shared = await db.classMember.findFirst({ where: { userId: studentId, class: { ownerId: viewer.id } }, select: { id: true } });
  return shared !== null;
}
