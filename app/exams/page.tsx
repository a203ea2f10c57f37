// The practice exams, each with the student's past attempts.
import { headers } from 'next/headers';
import Link from 'next/link';
import { currentUser } from '@/lib/auth';
import { examCatalogue } from '@/lib/exam-catalogue';
import { exams as examService } from '@/lib/services';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Exams' };

export default async function ExamsPage() {
  const user = await currentUser(await headers());
  const { exams } = await examCatalogue();
  const attempts = user ? await examService().list(user) : [];
  return (
    <main className="narrow">
      <h1>Practice exams</h1>
      <p className="muted">Timed sets of real tasks on real sandboxes, graded by their checks when the time is up. Every attempt draws new names and addresses.</p>
      <ul className="exam-list">
        {exams.map((exam) => {
          const mine = attempts.filter((a) => a.examId === exam.id);
          const best = mine.filter((a) => a.score !== null).sort((a, b) => (b.score ?? 0) - (a.score ?? 0))[0];
          return (
            <li key={exam.id} className="card">
              <h2><Link href={`/exams/${exam.id}`}>{exam.title}</Link></h2>
              <p>{exam.summary}</p>
              <p className="muted small">
                {exam.questions.length} questions · {exam.durationMinutes} minutes · pass at {exam.passPercent}%
                {best && <> · your best: {best.score} / {best.maxScore}</>}
              </p>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
