'use client';
// A lesson's quiz. Graded by the server (POST /api/lessons/<slug>/quiz), which grades only an
// attempt that answers every question; the page then shows each verdict and explanation.
import { useState, type FormEvent } from 'react';
import { useHydrated } from './use-hydrated';

export interface QuizQuestion {
  id: string;
  kind: 'single' | 'multiple' | 'text';
  /** HTML rendered on the server from the quiz's markdown. */
  prompt: string;
  options: string[];
}

type Answers = Record<string, number[] | string>;
interface Result {
  score: number;
  maxScore: number;
  questions: { id: string; correct: boolean; explanation: string; answer: number[] | string }[];
}

export function QuizForm({ slug, questions, last }: { slug: string; questions: QuizQuestion[]; last: { answers: Answers; result: Result } | null }) {
  const [answers, setAnswers] = useState<Answers>(last?.answers ?? {});
  const [result, setResult] = useState<Result | null>(last?.result ?? null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  function choose(q: QuizQuestion, index: number, checked: boolean) {
    setAnswers((prev) => {
      const current = Array.isArray(prev[q.id]) ? (prev[q.id] as number[]) : [];
      const next = q.kind === 'single' ? [index] : checked ? [...current, index] : current.filter((i) => i !== index);
      return { ...prev, [q.id]: next };
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/lessons/${slug}/quiz`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(answers) }).catch(() => null);
    setBusy(false);
    const body = await res?.json().catch(() => null);
    if (!res?.ok) return setError(body?.error?.message ?? 'The server could not be reached; try again.');
    setResult(body as Result);
  }

  const verdict = (id: string) => result?.questions.find((q) => q.id === id);
  const answered = questions.filter((q) => {
    const given = answers[q.id];
    return typeof given === 'string' ? given.trim() !== '' : Array.isArray(given) && given.length > 0;
  }).length;

  return (
    <form className="quiz" onSubmit={submit}>
      {questions.map((q, n) => {
        const v = verdict(q.id);
        const chosen = answers[q.id];
        return (
          <fieldset key={q.id} className={`question ${v ? (v.correct ? 'correct' : 'wrong') : ''}`} data-question={q.id}>
            <legend>
              <span className="qn">{n + 1}.</span> <span dangerouslySetInnerHTML={{ __html: q.prompt }} />
              {q.kind === 'multiple' && <span className="muted small"> (choose all that apply)</span>}
            </legend>
            {q.kind === 'text' ? (
              <input
                type="text"
                className="typed"
                spellCheck={false}
                value={typeof chosen === 'string' ? chosen : ''}
                maxLength={300}
                onChange={(e) => setAnswers((prev) => ({ ...prev, [q.id]: e.target.value }))}
                aria-label={`Answer to question ${n + 1}`}
              />
            ) : (
              q.options.map((option, i) => (
                <label key={i} className={`option ${v && Array.isArray(v.answer) && v.answer.includes(i) ? 'key' : ''}`}>
                  <input
                    type={q.kind === 'single' ? 'radio' : 'checkbox'}
                    name={q.id}
                    checked={Array.isArray(chosen) && chosen.includes(i)}
                    onChange={(e) => choose(q, i, e.target.checked)}
                  />
                  <span dangerouslySetInnerHTML={{ __html: option }} />
                </label>
              ))
            )}
            {v && (
              <div className="explanation" role="status">
                <strong>{v.correct ? 'Correct.' : 'Not quite.'}</strong>{' '}
                {!v.correct && typeof v.answer === 'string' && <>An accepted answer: <code>{v.answer}</code>. </>}
                {v.explanation}
              </div>
            )}
          </fieldset>
        );
      })}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="quiz-actions">
        <button type="submit" className="button" disabled={busy || !hydrated || answered < questions.length}>{busy ? 'Grading…' : result ? 'Submit again' : 'Submit answers'}</button>
        {answered < questions.length && <span className="muted small" data-testid="quiz-answered">{answered} of {questions.length} answered</span>}
        {result && <span className="quiz-score" data-testid="quiz-score">Score: {result.score} / {result.maxScore}</span>}
      </div>
    </form>
  );
}
