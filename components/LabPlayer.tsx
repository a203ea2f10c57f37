'use client';
// The lab player: tasks and hints on the left; a terminal per node and the editor on the right;
// Check, the timer, Reset and End on top. Talks to /api/runs/<id>/… and the terminal WebSocket.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import type { PlayerData, WireGrade, WireHint, WireRun } from '@/lib/player';
import { TaskList } from './TaskList';
import { Topology } from './Topology';
import { api } from './api';
import { useHydrated } from './use-hydrated';
import { WorkArea } from './WorkArea';

const STAGES: { label: string; stages: WireRun['stage'][] }[] = [
  { label: 'Preparing', stages: ['queued', 'probing'] },
  { label: 'Creating nodes', stages: ['nodes'] },
  { label: 'Running the lab\'s setup', stages: ['setup'] },
  { label: 'Ready', stages: ['ready'] },
];

function Countdown({ until }: { until: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Math.floor((new Date(until).getTime() - now) / 1000));
  const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return <span className={`timer ${left < 300 ? 'low' : ''}`} title="Time left in this run" data-testid="timer">{left === 0 ? 'time is up' : text}</span>;
}

export function LabPlayer({ initial }: { initial: PlayerData }) {
  const router = useRouter();
  const { lab } = initial;
  const [run, setRun] = useState<WireRun>(initial.run);
  const [grade, setGrade] = useState<WireGrade | null>(initial.grade);
  const [hints, setHints] = useState<WireHint[]>(initial.hints);
  const [checking, setChecking] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [left, setLeft] = useState<'tasks' | 'about' | 'topology'>('tasks');
  // The right side shows a node's terminal or the editor; '' until the nodes exist.
  const [right, setRight] = useState<string>(run.nodes[0]?.name ?? '');

  // While the sandbox is being created, follow its stages.
  useEffect(() => {
    if (run.status !== 'creating') return;
    const timer = setInterval(async () => {
      const next = await api<WireRun>(`/api/runs/${run.id}`).catch(() => null);
      if (next) setRun(next);
    }, 1000);
    return () => clearInterval(timer);
  }, [run.id, run.status]);

  // While it runs, look now and then whether the server ended it (time limit, idle, another tab).
  useEffect(() => {
    if (run.status !== 'ready') return;
    const timer = setInterval(async () => {
      const next = await api<WireRun>(`/api/runs/${run.id}`).catch(() => null);
      if (next && next.status !== 'ready') setRun(next);
    }, 30_000);
    return () => clearInterval(timer);
  }, [run.id, run.status]);

  useEffect(() => {
    if (run.status === 'ready' && right === '') setRight(run.nodes[0]?.name ?? 'editor');
  }, [run, right]);

  const check = useCallback(async () => {
    setChecking(true);
    setError(null);
    try {
      setGrade(await api<WireGrade>(`/api/runs/${run.id}/check`, { method: 'POST' }));
      setLeft('tasks');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setChecking(false);
    }
  }, [run.id]);

  async function openHint(taskId: string, index: number) {
    try {
      const hint = await api<WireHint>(`/api/runs/${run.id}/hints`, { method: 'POST', body: JSON.stringify({ taskId, index }) });
      setHints((all) => all.map((h) => (h.taskId === taskId && h.index === index ? hint : h)));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function reset() {
    if (!window.confirm('Reset gives you a fresh sandbox: everything you built in this one is lost (your grades stay). Reset?')) return;
    try {
      const next = await api<WireRun>(`/api/runs/${run.id}/reset`, { method: 'POST' });
      router.push(`/runs/${next.id}`);
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function submit() {
    if (!window.confirm(`Submit this run to ${initial.assignment!.className}? It is graded one last time and ends.`)) return;
    try {
      await api(`/api/runs/${run.id}/submit`, { method: 'POST' });
      setSubmitted(true);
      setRun(await api<WireRun>(`/api/runs/${run.id}`));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  async function end() {
    if (!window.confirm('End this run? The sandbox is removed; your grades stay.')) return;
    try {
      setRun(await api<WireRun>(`/api/runs/${run.id}`, { method: 'DELETE' }));
    } catch (err) {
      setError((err as Error).message);
    }
  }

  const live = run.status === 'ready';
  const over = run.status === 'ended' || run.status === 'expired' || run.status === 'failed';

  return (
    <main className="player" data-run={run.id} data-status={run.status}>
      <header className="player-bar">
        <div className="player-title">
          <Link href={`/labs/${lab.id}`} className="muted small">Lab</Link>
          <h1>{lab.title}</h1>
        </div>
        <div className="player-actions">
          {live && <Countdown until={run.expiresAt} />}
          {grade && <span className="score" data-testid="score">{grade.score} / {grade.maxScore} points</span>}
          <button type="button" className="button" onClick={check} disabled={!live || checking || !hydrated} data-testid="check">
            {checking ? 'Checking…' : 'Check'}
          </button>
          {initial.assignment && <button type="button" className="button" onClick={submit} disabled={!live || checking || !hydrated} data-testid="submit" title={`Assigned in ${initial.assignment.className}`}>Submit</button>}
          <button type="button" className="button secondary" onClick={reset} disabled={run.status === 'creating'}>Reset</button>
          <button type="button" className="button secondary" onClick={end} disabled={over}>End</button>
        </div>
      </header>
      {error && <div className="player-error" role="alert">{error} <button type="button" className="link-button" onClick={() => setError(null)}>Dismiss</button></div>}
      {over && (
        <div className="player-over" role="status">
          {submitted ? <>Submitted to {initial.assignment?.className}: your grade is recorded.</> : run.status === 'failed' ? <>This sandbox could not be started: {run.error}</> : run.status === 'expired' ? (run.error ?? 'Time is up: this run has ended.') : 'This run has ended.'}{' '}
          Your grades are kept in your <Link href="/history">history</Link>.{' '}
          <Link href={`/labs/${lab.id}`}>Start the lab again</Link>
        </div>
      )}
      <div className="player-body">
        <section className="player-left">
          <div className="tabs" role="tablist">
            {(['tasks', 'about', 'topology'] as const).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={left === t} className={left === t ? 'active' : ''} onClick={() => setLeft(t)}>
                {t === 'tasks' ? 'Tasks' : t === 'about' ? 'About this lab' : 'Topology'}
              </button>
            ))}
          </div>
          <div className="tab-panel">
            {left === 'tasks' && <TaskList tasks={lab.tasks} grade={grade} hints={hints} onOpenHint={openHint} canOpenHints={live} runStarted={run.createdAt} />}
            {left === 'about' && <div className="prose" dangerouslySetInnerHTML={{ __html: lab.descriptionHtml }} />}
            {left === 'topology' && (run.nodes.length > 0 ? <Topology nodes={run.nodes} /> : <p className="muted pad">The topology appears once the nodes exist.</p>)}
          </div>
        </section>
        <section className="player-right">
          {run.status === 'creating' ? (
            <div className="starting" data-testid="starting">
              <h2>Starting your sandbox</h2>
              <ol className="stages">
                {STAGES.map((stage, i) => {
                  const current = STAGES.findIndex((s) => s.stages.includes(run.stage));
                  const state = i < current ? 'done' : i === current ? 'current' : 'todo';
                  return <li key={stage.label} className={state} data-stage={stage.stages[0]}>{stage.label}{state === 'current' && run.stageDetail && <span className="muted small"> · {run.stageDetail}</span>}</li>;
                })}
              </ol>
            </div>
          ) : live ? (
            <WorkArea runId={run.id} nodes={run.nodes.map((n) => n.name)} files={lab.editorFiles} shown={right} onShow={setRight} />
          ) : (
            <div className="starting"><p className="muted">No sandbox for this run.</p></div>
          )}
        </section>
      </div>
    </main>
  );
}
