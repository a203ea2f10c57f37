// A user's runs and grades.
import { headers } from 'next/headers';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { labCatalogue } from '@/lib/lab-catalogue';
import { runs } from '@/lib/services';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'History' };

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function History() {
  const user = await currentUser(await headers());
  if (!user) redirect('/sign-in?next=/history');
  const [history, labs] = await Promise.all([runs().history(user), labCatalogue()]);
  const title = (id: string) => labs.labs.find((l) => l.id === id)?.title ?? id;
  return (
    <main className="page narrow-page">
      <h1>Your lab runs</h1>
      {history.length === 0 ? (
        <p className="muted">No runs yet. Pick a lab in the <Link href="/">catalogue</Link>.</p>
      ) : (
        <div className="table-wrap">
          <table className="history">
            <thead><tr><th>Lab</th><th>Started (UTC)</th><th>Status</th><th>Best grade</th><th /></tr></thead>
            <tbody>
              {history.map((run) => (
                <tr key={run.id} data-run={run.id}>
                  <td><Link href={`/labs/${run.labId}`}>{title(run.labId)}</Link></td>
                  <td>{when.format(run.createdAt)}</td>
                  <td><span className={`badge status-${run.status}`}>{run.status}</span></td>
                  <td>{run.best ? `${run.best.score} / ${run.best.maxScore}` : <span className="muted">not checked</span>}</td>
                  <td>{(run.status === 'ready' || run.status === 'creating') ? <Link href={`/runs/${run.id}`}>Open</Link> : <Link href={`/runs/${run.id}/replay`}>Replay</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
