// A graded exam attempt: the total, each question and task with the check's message and the
// solution, a breakdown by domain, and what happened when.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { currentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { renderInline } from '@/lib/markdown';
import { exams } from '@/lib/services';

export const dynamic = 'force-dynamic';

const ICONS = { passed: '✓', failed: '✗', error: '!', 'not-graded': '○' } as const;

export default async function ResultsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/attempts/${id}/results`);
  const results = await exams().results(user, id).catch((err) => {
    if (isAppError(err) && err.code === 'NotFound') notFound();
    if (isAppError(err) && err.code === 'RunNotReady') return null;
    throw err;
  });
  if (!results) {
    return (
      <main className="narrow">
        <h1>Grading…</h1>
        <p className="muted">The exam is being graded; this page shows the results in a few seconds. <Link href={`/attempts/${id}/results`}>Refresh</Link></p>
        <meta httpEquiv="refresh" content="3" />
      </main>
    );
  }
  const { attempt, questions, domains, events } = results;
  const started = attempt.startedAt.getTime();
  return (
    <main className="narrow results" data-testid="exam-results">
      <p className="muted small"><Link href={`/exams/${attempt.examId}`}>{attempt.title}</Link></p>
      <h1>Results: {attempt.score} / {attempt.maxScore} <span className={attempt.passed ? 'pass' : 'fail'}>{attempt.passed ? 'passed' : 'not passed'}</span></h1>
      <p className="muted">{attempt.mode === 'timed' ? 'Timed' : 'Practice'} attempt · pass mark {attempt.passPercent}% · started {attempt.startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</p>
      <h2>By domain</h2>
      <table className="history">
        <thead><tr><th>Domain</th><th>Score</th></tr></thead>
        <tbody>{domains.map((d) => <tr key={d.domain}><td>{d.domain}</td><td>{d.score} / {d.maxScore}</td></tr>)}</tbody>
      </table>
      <h2>Questions</h2>
      <ol className="result-questions">
        {questions.map((q) => (
          <li key={q.id} data-question={q.id} className="card">
            <h3>{q.title} <span className="muted small">{q.domain}{q.flagged ? ' · flagged' : ''}</span> <span className="score">{q.score ?? 0} / {q.weight}</span></h3>
            {q.tasks.length === 0 ? (
              <p className="muted">Not started: this question earned no points.</p>
            ) : (
              <ul className="tasks">
                {q.tasks.map((t) => (
                  <li key={t.taskId} className={`task ${t.status}`} data-task={t.taskId} data-status={t.status}>
                    <div className="task-head"><span className="task-icon">{ICONS[t.status]}</span> <span dangerouslySetInnerHTML={{ __html: renderInline(t.title) }} /> <span className="muted small">{t.points} / {t.maxPoints}</span></div>
                    <p className="task-message" data-testid={`message-${q.id}-${t.taskId}`}>{t.message}</p>
                    <details>
                      <summary>Solution</summary>
                      <pre><code>{t.solution}</code></pre>
                      {t.explanation && <p>{t.explanation}</p>}
                    </details>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <h2>History</h2>
      <ul className="events">
        {events.map((e, i) => (
          <li key={i}>+{Math.round((e.at.getTime() - started) / 1000)} s · {e.kind}{e.questionId ? ` · ${questions.find((q) => q.id === e.questionId)?.title ?? e.questionId}` : ''}</li>
        ))}
      </ul>
    </main>
  );
}
