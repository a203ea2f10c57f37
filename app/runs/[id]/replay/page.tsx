// A run's terminal recordings, replayed beside its latest grade: for the student and the
// instructors of their classes.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Replay } from '@/components/Replay';
import { currentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { recordings, runs } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function ReplayPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ file?: string }> }) {
  const { id } = await params;
  const { file } = await searchParams;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/runs/${id}/replay`);
  const [run, list] = await Promise.all([runs().get(user, id), recordings().list(user, id)]).catch((err) => {
    if (isAppError(err) && err.code === 'NotFound') notFound();
    throw err;
  });
  const grade = await runs().latestGrade(user, id);
  const chosen = list.find((r) => r.name === file) ?? list[0];
  return (
    <main className="wide">
      <p className="muted small"><Link href={`/labs/${run.labId}`}>{run.labId}</Link> · run started {run.createdAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>
      <h1>Terminal replay</h1>
      {list.length === 0 ? <p className="muted">No terminal was opened in this run.</p> : (
        <>
          <p>{list.map((r) => <Link key={r.name} href={`/runs/${id}/replay?file=${encodeURIComponent(r.name)}`} className={`chip ${r.name === chosen!.name ? 'active' : ''}`}>{r.name.replace(/\.cast$/, '')}</Link>)}</p>
          <Replay runId={id} name={chosen!.name} />
        </>
      )}
      {grade && (
        <section>
          <h2>Latest grade: {grade.score} / {grade.maxScore}</h2>
          <ul className="tasks">{grade.tasks.map((t) => <li key={t.taskId} className={`task ${t.status}`}><strong>{t.taskId}</strong> {t.points} / {t.maxPoints}: <span className="muted">{t.message}</span></li>)}</ul>
        </section>
      )}
    </main>
  );
}
