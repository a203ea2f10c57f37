'use client';
// Starts a lab (POST /api/runs) and opens the player; explains a refusal (limits, capacity).
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useHydrated } from './use-hydrated';

export function StartLabButton({ labId, liveRunId }: { labId: string; liveRunId: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  const [error, setError] = useState<{ message: string; runId?: string } | null>(null);

  if (liveRunId) {
    return <Link className="button" href={`/runs/${liveRunId}`}>Continue your run</Link>;
  }

  async function start() {
    setBusy(true);
    setError(null);
    const res = await fetch('/api/runs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ labId }) }).catch(() => null);
    const body = await res?.json().catch(() => null);
    if (res?.ok) return router.push(`/runs/${body.id}`);
    setBusy(false);
    setError(body?.error ?? { message: 'The server could not be reached; try again.' });
  }

  return (
    <div className="start-lab">
      <button type="button" className="button" onClick={start} disabled={busy || !hydrated}>{busy ? 'Starting…' : 'Start lab'}</button>
      {error && (
        <p className="form-error" role="alert">
          {error.message} {error.runId && <Link href={`/runs/${error.runId}`}>Go to it</Link>}
        </p>
      )}
    </div>
  );
}
