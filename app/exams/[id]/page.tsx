// An exam: what it covers, the start buttons, and the student's earlier attempts.
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StartExamButtons } from '@/components/StartExamButtons';
import { currentUser } from '@/lib/auth';
import { findExam } from '@/lib/exam-catalogue';
import { renderMarkdown } from '@/lib/markdown';
import { exams } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function ExamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const exam = await findExam(id).catch(() => notFound());
  const user = await currentUser(await headers());
  const attempts = user ? await exams().list(user, id) : [];
  const description = await renderMarkdown(exam.description);
  const domains = [...new Set(exam.questions.map((q) => q.domain))];
  return (
    <main className="narrow">
      <p className="muted small"><Link href="/exams">Exams</Link></p>
      <h1>{exam.title}</h1>
      <p className="muted">{exam.questions.length} questions · {exam.durationMinutes} minutes · pass at {exam.passPercent}% · {domains.join(', ')}</p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: description.html }} />
      {user ? <StartExamButtons examId={exam.id} /> : <p><Link className="button" href={`/sign-in?next=/exams/${exam.id}`}>Sign in to take this exam</Link></p>}
      {attempts.length > 0 && (
        <section>
          <h2>Your attempts</h2>
          <table className="history">
            <thead><tr><th>Started</th><th>Mode</th><th>Result</th><th /></tr></thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td>{a.startedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
                  <td>{a.mode}</td>
                  <td>{a.status === 'graded' ? <>{a.score} / {a.maxScore} {a.passed ? '· passed' : '· not passed'}</> : a.status}</td>
                  <td>{a.status === 'active' ? <Link href={`/attempts/${a.id}`}>Continue</Link> : <Link href={`/attempts/${a.id}/results`}>Results</Link>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </main>
  );
}
