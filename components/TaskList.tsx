'use client';
// The lab's tasks with the latest Check's verdict and message, and their hints.
import { useEffect, useState } from 'react';
import type { PlayerData, WireGrade, WireHint } from '@/lib/player';

type Task = PlayerData['lab']['tasks'][number];

const ICONS = { passed: '✓', failed: '✗', error: '!', none: '○' } as const;

export function TaskList({ tasks, grade, hints, onOpenHint, canOpenHints, runStarted }: {
  tasks: Task[];
  grade: WireGrade | null;
  hints: WireHint[];
  onOpenHint: (taskId: string, index: number) => void;
  canOpenHints: boolean;
  runStarted: string;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5000);
    return () => clearInterval(timer);
  }, []);
  const elapsed = (now - new Date(runStarted).getTime()) / 1000;

  return (
    <ol className="tasks">
      {tasks.map((task, n) => {
        const result = grade?.tasks.find((t) => t.taskId === task.id);
        const status = result?.status ?? 'none';
        const taskHints = hints.filter((h) => h.taskId === task.id);
        return (
          <li key={task.id} className={`task ${status}`} data-task={task.id} data-status={status}>
            <div className="task-head">
              <span className="task-icon" aria-label={status}>{ICONS[status]}</span>
              <span className="task-title"><span className="muted">{n + 1}.</span> <span dangerouslySetInnerHTML={{ __html: task.title }} /></span>
              <span className="task-points">{result ? `${result.points}/${task.points}` : task.points} pt</span>
            </div>
            <div className="prose task-text" dangerouslySetInnerHTML={{ __html: task.html }} />
            {result && (
              <p className={`task-message ${status}`} data-testid={`message-${task.id}`}>{result.message}</p>
            )}
            {taskHints.length > 0 && (
              <div className="hints">
                {taskHints.map((hint) => {
                  const wait = Math.ceil(hint.unlockAfterSeconds - elapsed);
                  return hint.html !== undefined ? (
                    <p key={hint.index} className="hint open"><strong>Hint {hint.index + 1}.</strong> <span dangerouslySetInnerHTML={{ __html: hint.html }} /></p>
                  ) : (
                    <p key={hint.index} className="hint">
                      <button type="button" className="link-button" disabled={!canOpenHints || wait > 0} onClick={() => onOpenHint(task.id, hint.index)}>
                        Show hint {hint.index + 1}
                      </button>
                      <span className="muted small">
                        {hint.cost > 0 ? ` costs ${hint.cost} pt` : ' free'}
                        {wait > 0 && ` · opens in ${wait >= 60 ? `${Math.ceil(wait / 60)} min` : `${wait} s`}`}
                      </span>
                    </p>
                  );
                })}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
