// An assignment's progress: the roster x task matrix, where the class struggles, the CSV.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { classes } from '@/lib/services';

export const dynamic = 'force-dynamic';

const ICONS = { passed: '✓', failed: '✗', error: '!', 'not-tried': '·' } as const;

export default async function AssignmentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/assignments/${id}`);
  const m = await classes().matrix(user, id).catch((err) => {
    if (isAppError(err) && (err.code === 'NotFound' || err.code === 'Forbidden')) notFound();
    throw err;
  });
  return (
    <main className="wide">
      <p className="muted small"><Link href={`/classes/${m.assignment.classId}`}>{m.assignment.className}</Link></p>
      <h1>{m.assignment.labTitle}</h1>
      <p className="muted">Due {m.assignment.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC · the {m.assignment.counts} submission counts · <a href={`/api/assignments/${id}/csv`} data-testid="csv">Download CSV</a></p>
      <table className="matrix" data-testid="matrix">
        <thead><tr><th>Student</th><th>Score</th>{m.tasks.map((t) => <th key={t.id} title={t.title}>{t.id}</th>)}<th /></tr></thead>
        <tbody>
          {m.rows.map((r) => (
            <tr key={r.student.id} data-student={r.student.email}>
              <td>{r.student.name}</td>
              <td>{r.submission ? <>{r.submission.score} / {r.submission.maxScore}{r.submission.late ? ' · late' : ''}{r.submission.automatic ? ' · at due date' : ''}</> : <span className="muted">not submitted</span>}</td>
              {r.cells.map((c, i) => <td key={m.tasks[i]!.id} className={`cell ${c.status}`} data-status={c.status} title={c.message}>{ICONS[c.status]} {c.status === 'not-tried' ? '' : c.points}</td>)}
              <td>
                {r.submission && <Link href={`/runs/${r.submission.runId}/replay`} data-testid="replay-link">Replay</Link>}{' '}
                {r.liveRunId && <Link href={`/runs/${r.liveRunId}/watch`}>Watch live</Link>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {m.hardest.length > 0 && (
        <section>
          <h2>Where the class struggles</h2>
          <ul>{m.hardest.map((h) => <li key={h.taskId}><strong>{h.taskId}</strong>: failed by {h.failed} · {h.messages.map((x) => `"${x.message}" (${x.count})`).join('; ')}</li>)}</ul>
        </section>
      )}
    </main>
  );
}
