'use client';
// Start a timed attempt or a practice one; an attempt already running is offered instead.
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from './use-hydrated';

export function StartExamButtons({ examId }: { examId: string }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [error, setError] = useState<{ message: string; attemptId?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function start(mode: 'timed' | 'practice') {
    setBusy(true);
    setError(null);
    const res = await fetch(`/api/exams/${examId}/attempts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ mode }) }).catch(() => null);
    const body = await res?.json().catch(() => null);
    setBusy(false);
    if (!res?.ok) return setError(body?.error ?? { message: 'The server could not be reached; try again.' });
    router.push(`/attempts/${body.id}`);
  }

  return (
    <div className="start-exam">
      <button type="button" className="button" onClick={() => start('timed')} disabled={busy || !hydrated}>Start the timed exam</button>
      <button type="button" className="button secondary" onClick={() => start('practice')} disabled={busy || !hydrated}>Practise it untimed</button>
      {error && (
        <p className="form-error" role="alert">
          {error.message} {error.attemptId && <a href={`/attempts/${error.attemptId}`}>Go back to it</a>}
        </p>
      )}
    </div>
  );
}
