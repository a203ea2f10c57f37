// A lesson: its text rendered on the server, the labs that practise it, and its quiz.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { QuizForm, type QuizQuestion } from '@/components/QuizForm';
import { currentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { labCatalogue } from '@/lib/lab-catalogue';
import { findLesson, renderLesson, type LessonEntry } from '@/lib/lessons/content';
import { renderInline } from '@/lib/markdown';
import { lastQuizAttempt } from '@/lib/quizzes';
import { labProgress } from '@/lib/run/progress';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

async function entry(slug: string): Promise<LessonEntry> {
  try {
    return await findLesson(slug);
  } catch (err) {
    if (isAppError(err) && err.code === 'NotFound') notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { lesson } = await entry((await params).slug);
  return { title: lesson.title, description: lesson.summary };
}

export default async function LessonPage({ params }: Props) {
  const { lesson, module, previous, next } = await entry((await params).slug);
  const user = await currentUser(await headers());
  const [rendered, labs] = await Promise.all([renderLesson(lesson, module.dir), labCatalogue()]);
  const linked = labs.labs.filter((l) => lesson.labs.includes(l.id));
  const progress = user ? await labProgress(db, user) : new Map();
  const last = user ? await lastQuizAttempt(db, user, lesson) : null;
  // The answer key stays on the server: the browser gets prompts and options only.
  const questions: QuizQuestion[] = lesson.quiz.questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: renderInline(q.prompt),
    options: q.kind === 'text' ? [] : q.options.map((o) => renderInline(o)),
  }));

  return (
    <main className="lesson-layout">
      <aside className="toc">
        <Link href={`/#module-${module.number}`} className="muted small">Module {module.number} · {module.title}</Link>
        <nav aria-label="On this page">
          {rendered.headings.filter((h) => h.depth === 2).map((h) => (
            <a key={h.id} href={`#${h.id}`}>{h.text}</a>
          ))}
          <a href="#quiz">Quiz</a>
        </nav>
      </aside>
      <article className="lesson">
        <header className="lesson-header">
          <h1>{lesson.title}</h1>
          <p className="lede">{lesson.summary}</p>
          <p className="muted small">{lesson.minutes} min read · {lesson.quiz.questions.length} quiz questions</p>
        </header>
        {linked.length > 0 && (
          <section className="lesson-labs">
            <h2 id="practise">Practise it</h2>
            <ul>
              {linked.map((lab) => {
                const p = progress.get(lab.id);
                const status = p?.liveRunId ? 'running' : p?.best ? `best ${p.best.score}/${p.best.maxScore}` : user ? 'not started' : '';
                return (
                  <li key={lab.id}>
                    <Link href={`/labs/${lab.id}`}>{lab.title}</Link> <span className="muted small">{lab.minutes} min · {lab.difficulty}</span>
                    {status && <span className="badge">{status}</span>}
                  </li>
                );
              })}
            </ul>
          </section>
        )}
        <div className="prose" dangerouslySetInnerHTML={{ __html: rendered.html }} />
        <section id="quiz" className="quiz-section">
          <h2>Check your understanding</h2>
          {user ? (
            <QuizForm slug={lesson.slug} questions={questions} last={last} />
          ) : (
            <p><Link href={`/sign-in?next=/lessons/${lesson.slug}`}>Sign in</Link> to take the quiz and keep your score.</p>
          )}
        </section>
        <nav className="pager">
          {previous ? <Link href={`/lessons/${previous.slug}`}>← {previous.title}</Link> : <span />}
          {next ? <Link href={`/lessons/${next.slug}`}>{next.title} →</Link> : <span />}
        </nav>
      </article>
    </main>
  );
}
