// The catalogue: the six modules, their lessons and labs, and the signed-in user's progress.
import { headers } from 'next/headers';
import Link from 'next/link';
import { currentUser, isStaff } from '@/lib/auth';
import { db } from '@/lib/db';
import { labCatalogue } from '@/lib/lab-catalogue';
import { lessonCatalogue } from '@/lib/lessons/content';
import { quizProgress } from '@/lib/quizzes';
import { labProgress } from '@/lib/run/progress';
import { classes } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function Catalogue() {
  const user = await currentUser(await headers());
  const [content, labs] = await Promise.all([lessonCatalogue(), labCatalogue()]);
  const quizzes = user ? await quizProgress(db, user) : new Map();
  const progress = user ? await labProgress(db, user) : new Map();
  const assignments = user ? await classes().assignmentsOf(user) : [];
  const troubleshooting = labs.labs.filter((l) => l.tags.includes('troubleshooting'));
  const lessonCount = content.modules.reduce((n, m) => n + m.lessons.length, 0);
  const done = [...quizzes.values()].filter((q) => q.score === q.maxScore).length;

  return (
    <main className="page">
      <section className="hero">
        <h1>Learn Kubernetes networking by building it.</h1>
        <p>
          Read a lesson, then build the real thing in a disposable Linux sandbox: namespaces, veth pairs, bridges, routes, NAT, DNS,
          CNI and Services. Every task is graded by sending real traffic, so any correct way passes.
        </p>
        {user ? (
          <p className="progress-line">
            {done} of {lessonCount} lesson quizzes complete · {[...progress.values()].filter((p) => p.best && p.best.score === p.best.maxScore).length} of{' '}
            {labs.labs.length} labs solved
          </p>
        ) : (
          <p>
            <Link className="button" href="/sign-up">Create a free account</Link> <span className="muted">to start labs and keep your progress.</span>
          </p>
        )}
      </section>
      {assignments.length > 0 && (
        <section className="assignments" data-testid="assignments">
          <h2>Your assignments</h2>
          <ul>
            {assignments.map((a) => (
              <li key={a.id} data-assignment={a.labId}>
                <Link href={`/labs/${a.labId}`}>{a.labTitle}</Link> <span className="muted small">{a.className} · due {a.dueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC</span>{' '}
                {a.submitted ? <span className="badge">submitted {a.submitted.score} / {a.submitted.maxScore}{a.submitted.late ? ', late' : ''}</span> : <span className="muted small">not submitted</span>}
              </li>
            ))}
          </ul>
        </section>
      )}

      {user && isStaff(user) && labs.broken.length > 0 && (
        <section className="callout callout-warning">
          <div className="callout-title">Labs that do not load</div>
          {labs.broken.map((b) => <pre key={b.dir}>{b.errors.join('\n')}</pre>)}
        </section>
      )}
      {user && isStaff(user) && content.errors.length > 0 && (
        <section className="callout callout-warning">
          <div className="callout-title">Lessons that do not load</div>
          <pre>{content.errors.join('\n')}</pre>
        </section>
      )}

      <div className="modules">
        {content.modules.map((module) => {
          // Troubleshooting labs have a group of their own below.
          const moduleLabs = labs.labs.filter((l) => l.module === module.number && !l.tags.includes('troubleshooting'));
          return (
            <section key={module.number} className="module-card" id={`module-${module.number}`}>
              <header>
                <span className="module-number">Module {module.number}</span>
                <h2>{module.title}</h2>
                <p className="muted">{module.summary}</p>
              </header>
              <div className="module-body">
                <div>
                  <h3>Lessons</h3>
                  <ol className="item-list">
                    {module.lessons.map((lesson) => {
                      const quiz = quizzes.get(lesson.slug);
                      return (
                        <li key={lesson.slug}>
                          <Link href={`/lessons/${lesson.slug}`}>{lesson.title}</Link>
                          <span className="meta">
                            {lesson.minutes} min
                            {quiz && <span className={`badge ${quiz.score === quiz.maxScore ? 'ok' : 'part'}`}>quiz {quiz.score}/{quiz.maxScore}</span>}
                          </span>
                        </li>
                      );
                    })}
                  </ol>
                </div>
                <div>
                  <h3>Labs</h3>
                  {moduleLabs.length === 0 ? (
                    <p className="muted small">Labs for this module are on the way; the lessons show each mechanism on a real sandbox.</p>
                  ) : (
                    <ul className="item-list">
                      {moduleLabs.map((lab) => {
                        const p = progress.get(lab.id);
                        return (
                          <li key={lab.id}>
                            <Link href={`/labs/${lab.id}`}>{lab.title}</Link>
                            <span className="meta">
                              <span className={`level ${lab.difficulty}`}>{lab.difficulty}</span>
                              {p?.liveRunId && <Link className="badge live" href={`/runs/${p.liveRunId}`}>running</Link>}
                              {p?.best && <span className={`badge ${p.best.score === p.best.maxScore ? 'ok' : 'part'}`}>{p.best.score}/{p.best.maxScore}</span>}
                            </span>
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              </div>
            </section>
          );
        })}
      </div>

      {troubleshooting.length > 0 && (
        <section className="module-card" id="troubleshooting" data-testid="troubleshooting">
          <header>
            <span className="module-number">Exam practice</span>
            <h2>Troubleshooting</h2>
            <p className="muted">Sandboxes that start broken: the task says only what the symptom is. Find the faults and fix them; each attempt breaks it differently.</p>
          </header>
          <ul className="item-list">
            {troubleshooting.map((lab) => (
              <li key={lab.id}>
                <Link href={`/labs/${lab.id}`}>{lab.title}</Link>
                <span className="meta"><span className={`level ${lab.difficulty}`}>{lab.difficulty}</span></span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
