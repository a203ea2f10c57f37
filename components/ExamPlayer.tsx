'use client';
// The exam player: the question navigator (status, flag), the notepad and the timer on the left;
// the open question's text, terminals and editor on the right. The server owns the clock: the
// timer only shows the deadline the server set, and when it passes the page goes to the results.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AttemptView, QuestionView } from '@/lib/exams/attempts';
import type { PlayerData, Wire, WireGrade, WireHint } from '@/lib/player';
import { TaskList } from './TaskList';
import { api } from './api';
import { useHydrated } from './use-hydrated';
import { WorkArea } from './WorkArea';

type Attempt = Wire<AttemptView>;
type Question = Wire<QuestionView>;

/** Minutes left at which the timer warns, as the real exam's does. */
const ALERTS = [30, 15, 5];

function ExamTimer({ deadline, onAlert, onOver }: { deadline: string; onAlert: (minutes: number) => void; onOver: () => void }) {
  const [now, setNow] = useState(() => Date.now());
  const fired = useRef(new Set<number>());
  const over = useRef(false);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((new Date(deadline).getTime() - now) / 1000));
  useEffect(() => {
    for (const minutes of ALERTS) {
      // Only alerts crossed while the page is open; a page opened with 10 minutes left says 5 later.
      if (left <= minutes * 60 && left > minutes * 60 - 5 && !fired.current.has(minutes)) {
        fired.current.add(minutes);
        onAlert(minutes);
      }
    }
    if (left === 0 && !over.current) {
      over.current = true;
      onOver();
    }
  }, [left, onAlert, onOver]);
  const h = Math.floor(left / 3600);
  const text = `${h ? `${h}:` : ''}${String(Math.floor((left % 3600) / 60)).padStart(h ? 2 : 1, '0')}:${String(left % 60).padStart(2, '0')}`;
  return <span className={`timer ${left < 300 ? 'low' : ''}`} data-testid="exam-timer" title="Time left in this exam">{left === 0 ? 'time is up' : text}</span>;
}

const STATUS_LABEL: Record<Question['status'], string> = { 'not-started': 'not started', started: 'started', answered: 'answered' };

export function ExamPlayer({ initial }: { initial: Attempt }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [attempt, setAttempt] = useState(initial);
  const [current, setCurrent] = useState<string>(initial.questions[0]!.id);
  const [player, setPlayer] = useState<PlayerData | null>(null);
  const [grade, setGrade] = useState<WireGrade | null>(null);
  const [right, setRight] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const [notes, setNotes] = useState(initial.notes);
  const [notesSaved, setNotesSaved] = useState(true);
  const question = attempt.questions.find((q) => q.id === current)!;
  const base = `/api/attempts/${attempt.id}`;
  const practice = attempt.mode === 'practice';

  const refresh = useCallback(async () => {
    const next = await api<Attempt>(base).catch(() => null);
    if (next) setAttempt(next);
    return next;
  }, [base]);

  // The open question's lab, once its sandbox exists; polled while it is being created.
  useEffect(() => {
    setPlayer(null);
    setGrade(null);
    if (!question.runId) return;
    let stop = false;
    const load = async () => {
      const data = await api<PlayerData>(`/api/runs/${question.runId}/player`).catch((err: Error) => (setError(err.message), null));
      if (stop || !data) return;
      setPlayer(data);
      setGrade(data.grade);
      setRight((r) => (data.run.nodes.some((n) => n.name === r) ? r : (data.run.nodes[0]?.name ?? '')));
      if (data.run.status === 'creating') setTimeout(load, 1000);
    };
    void load();
    return () => {
      stop = true;
    };
  }, [question.runId]);

  // The server may end the attempt (its deadline) while the page is open.
  useEffect(() => {
    const timer = setInterval(async () => {
      const next = await refresh();
      if (next && next.status !== 'active') router.push(`/attempts/${attempt.id}/results`);
    }, 15_000);
    return () => clearInterval(timer);
  }, [refresh, router, attempt.id]);

  async function act(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      await refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const open = () => act(() => api<Question>(`${base}/questions/${current}`, { method: 'POST', body: JSON.stringify({ action: 'open' }) }));
  const reset = () => {
    if (!window.confirm('Reset this question? Its sandbox is replaced by a fresh one; the other questions keep theirs.')) return;
    void act(() => api<Question>(`${base}/questions/${current}`, { method: 'POST', body: JSON.stringify({ action: 'reset' }) }));
  };
  const mark = (marks: { flagged?: boolean; answered?: boolean }) => act(() => api<Question>(`${base}/questions/${current}`, { method: 'PATCH', body: JSON.stringify(marks) }));
  const openHint = (taskId: string, index: number) =>
    act(async () => {
      const hint = await api<WireHint>(`/api/runs/${question.runId}/hints`, { method: 'POST', body: JSON.stringify({ taskId, index }) });
      setPlayer((p) => p && { ...p, hints: p.hints.map((h) => (h.taskId === taskId && h.index === index ? hint : h)) });
    });
  const check = () => act(async () => setGrade(await api<WireGrade>(`${base}/questions/${current}`, { method: 'POST', body: JSON.stringify({ action: 'check' }) })));
  const submit = async () => {
    if (!window.confirm('Submit the exam now? Every opened question is graded and its sandbox removed.')) return;
    await act(() => api<Attempt>(`${base}/submit`, { method: 'POST' }));
    router.push(`/attempts/${attempt.id}/results`);
  };

  // The notepad is kept with the attempt: saved a moment after typing stops.
  useEffect(() => {
    if (notesSaved) return;
    const timer = setTimeout(() => {
      void api(`${base}/notes`, { method: 'PUT', body: JSON.stringify({ notes }) }).then(() => setNotesSaved(true), (err: Error) => setError(err.message));
    }, 800);
    return () => clearTimeout(timer);
  }, [notes, notesSaved, base]);

  const onAlert = useCallback((minutes: number) => setAlert(`${minutes} minutes left.`), []);
  const onOver = useCallback(() => {
    setAlert('Time is up: your exam is being graded.');
    setTimeout(() => router.push(`/attempts/${attempt.id}/results`), 3000);
  }, [router, attempt.id]);

  const run = player?.run;
  const live = run?.status === 'ready';

  return (
    <main className="player exam-player" data-attempt={attempt.id}>
      <header className="player-bar">
        <div className="player-title">
          <span className="muted small">{practice ? 'Practice' : 'Exam'}</span>
          <h1>{attempt.title}</h1>
        </div>
        <div className="player-actions">
          {attempt.deadline && <ExamTimer deadline={attempt.deadline} onAlert={onAlert} onOver={onOver} />}
          <button type="button" className="button" onClick={submit} disabled={busy || !hydrated} data-testid="submit-exam">Submit exam</button>
        </div>
      </header>
      {alert && <div className="player-error exam-alert" role="alert" data-testid="exam-alert">{alert} <button type="button" className="link-button" onClick={() => setAlert(null)}>Dismiss</button></div>}
      {error && <div className="player-error" role="alert">{error} <button type="button" className="link-button" onClick={() => setError(null)}>Dismiss</button></div>}
      <div className="player-body">
        <section className="player-left">
          <ol className="question-nav" aria-label="Questions">
            {attempt.questions.map((q, n) => (
              <li key={q.id}>
                <button type="button" className={`question-chip ${q.id === current ? 'active' : ''}`} data-question={q.id} data-status={q.status} data-flagged={q.flagged} onClick={() => setCurrent(q.id)}>
                  <span className="qn">{n + 1}</span>
                  <span className="q-title">{q.title}</span>
                  <span className="q-meta">{q.flagged && <span className="flag" title="Flagged for review">⚑</span>} {STATUS_LABEL[q.status]} · {q.weight} pt</span>
                </button>
              </li>
            ))}
          </ol>
          <div className="question-panel">
            <h2>Question {attempt.questions.indexOf(question) + 1}: {question.title}</h2>
            <p className="muted small">{question.domain} · weight {question.weight}</p>
            <div className="question-actions">
              {!question.runId ? (
                <button type="button" className="button" onClick={open} disabled={busy || !hydrated} data-testid="open-question">Start this question</button>
              ) : (
                <button type="button" className="button secondary" onClick={reset} disabled={busy || !hydrated}>Reset this question</button>
              )}
              <button type="button" className="button secondary" onClick={() => mark({ flagged: !question.flagged })} disabled={busy || !hydrated} data-testid="flag-question">
                {question.flagged ? 'Unflag' : 'Flag for review'}
              </button>
              {question.runId && (
                <button type="button" className="button secondary" onClick={() => mark({ answered: question.status !== 'answered' })} disabled={busy || !hydrated} data-testid="answered-question">
                  {question.status === 'answered' ? 'Not answered yet' : 'Mark answered'}
                </button>
              )}
              {practice && live && <button type="button" className="button" onClick={check} disabled={busy} data-testid="check">Check</button>}
            </div>
            {player ? (
              <>
                <div className="prose" dangerouslySetInnerHTML={{ __html: player.lab.descriptionHtml }} />
                <TaskList tasks={player.lab.tasks} grade={grade} hints={practice ? player.hints : []} onOpenHint={openHint} canOpenHints={practice && live} runStarted={player.run.createdAt} />
              </>
            ) : (
              <p className="muted">{question.runId ? 'Loading the question…' : 'Its sandbox starts when you start the question; the clock is already running.'}</p>
            )}
          </div>
          <label className="notepad">
            <span>Notepad {notesSaved ? <span className="muted small">saved</span> : <span className="muted small">…</span>}</span>
            <textarea value={notes} onChange={(e) => (setNotes(e.target.value), setNotesSaved(false))} maxLength={20_000} rows={5} data-testid="notepad" />
          </label>
        </section>
        <section className="player-right">
          {!run ? (
            <div className="starting"><p className="muted">{question.runId ? 'Starting the sandbox…' : 'Start the question to get its sandbox.'}</p></div>
          ) : run.status === 'creating' ? (
            <div className="starting" data-testid="starting"><h2>Starting the question's sandbox</h2><p className="muted">{run.stage}{run.stageDetail ? ` · ${run.stageDetail}` : ''}</p></div>
          ) : live ? (
            <WorkArea runId={run.id} nodes={run.nodes.map((n) => n.name)} files={player.lab.editorFiles} shown={right} onShow={setRight} />
          ) : (
            <div className="starting"><p className="muted">This question's sandbox has {run.status}{run.error ? `: ${run.error}` : ''}. <Link href={`/attempts/${attempt.id}/results`}>Results</Link></p></div>
          )}
        </section>
      </div>
    </main>
  );
}
