// An instructor's classes, and a new one.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { NewClassForm } from '@/components/ClassForms';
import { currentUser, isStaff } from '@/lib/auth';
import { classes } from '@/lib/services';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Classes' };

export default async function ClassesPage() {
  const user = await currentUser(await headers());
  if (!user) redirect('/sign-in?next=/classes');
  if (!isStaff(user)) notFound();
  const taught = await classes().taughtBy(user);
  return (
    <main className="narrow">
      <h1>Your classes</h1>
      <NewClassForm />
      {taught.length === 0 ? <p className="muted">No classes yet.</p> : (
        <ul className="class-list">
          {taught.map((c) => <li key={c.id}><Link href={`/classes/${c.id}`}>{c.name}</Link> <span className="muted small">{c.members} student{c.members === 1 ? '' : 's'}</span></li>)}
        </ul>
      )}
    </main>
  );
}
