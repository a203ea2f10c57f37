// A class: its enrolment link, roster and assignments, and a new assignment.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AssignForm, RenewLinkButton } from '@/components/ClassForms';
import { currentUser } from '@/lib/auth';
import { readEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { labCatalogue } from '@/lib/lab-catalogue';
import { classes } from '@/lib/services';

export const dynamic = 'force-dynamic';

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/classes/${id}`);
  const klass = await classes().get(user, id).catch((err) => {
    if (isAppError(err) && (err.code === 'NotFound' || err.code === 'Forbidden')) notFound();
    throw err;
  });
  const labs = (await labCatalogue()).labs.map((l) => ({ id: l.id, title: l.title }));
  const link = `${readEnv().origins[0]}/join/${klass.joinCode}`;
  return (
    <main className="narrow">
      <p className="muted small"><Link href="/classes">Classes</Link></p>
      <h1>{klass.name}</h1>
      <section>
        <h2>Enrolment link</h2>
        <p>Students who open this link while signed in join the class. <RenewLinkButton classId={klass.id} /></p>
        <p><code data-testid="join-link">{link}</code>{klass.joinExpiresAt && <span className="muted small"> · expires {when(klass.joinExpiresAt)}</span>}</p>
      </section>
      <section>
        <h2>Assignments</h2>
        {klass.assignments.length === 0 ? <p className="muted">None yet.</p> : (
          <table className="history">
            <thead><tr><th>Lab</th><th>Opens</th><th>Due</th><th>Counts</th><th /></tr></thead>
            <tbody>
              {klass.assignments.map((a) => (
                <tr key={a.id}><td>{a.labTitle}</td><td>{when(a.opensAt)}</td><td>{when(a.dueAt)}</td><td>{a.counts}</td><td><Link href={`/assignments/${a.id}`}>Progress</Link></td></tr>
              ))}
            </tbody>
          </table>
        )}
        <AssignForm classId={klass.id} labs={labs} />
      </section>
      <section>
        <h2>Students ({klass.members.length})</h2>
        <ul className="roster">{klass.members.map((m) => <li key={m.id}>{m.name} <span className="muted small">{m.email}</span></li>)}</ul>
      </section>
    </main>
  );
}
