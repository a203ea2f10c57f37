'use client';
// The instructor's forms: a new class, a new enrolment link, a new assignment; and the student's
// Join button. Each posts to the JSON API and refreshes the page's server data.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { api } from './api';
import { useHydrated } from './use-hydrated';

const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<unknown>, then?: (result: unknown) => void) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      if (then) then(result);
      else router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run, router };
}

export function NewClassForm() {
  const { error, busy, run, router } = useAction();
  const hydrated = useHydrated();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    void run(() => post('/api/classes', { name }), (made) => router.push(`/classes/${(made as { id: string }).id}`));
  }
  return (
    <form className="inline-form" onSubmit={submit}>
      <label>New class <input name="name" required maxLength={80} placeholder="Networking, spring term" /></label>
      <button type="submit" className="button" disabled={busy || !hydrated}>Create</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

export function RenewLinkButton({ classId }: { classId: string }) {
  const { error, busy, run } = useAction();
  return (
    <>
      <button type="button" className="button secondary small" disabled={busy} onClick={() => window.confirm('Make a new link? The current one stops working.') && void run(() => post(`/api/classes/${classId}/link`, {}))}>New link</button>
      {error && <span className="form-error" role="alert">{error}</span>}
    </>
  );
}

export function AssignForm({ classId, labs }: { classId: string; labs: { id: string; title: string }[] }) {
  const { error, busy, run } = useAction();
  const hydrated = useHydrated();
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // datetime-local inputs are in the browser's zone; the server gets instants.
    const at = (name: string) => new Date(String(form.get(name))).toISOString();
    void run(() => post(`/api/classes/${classId}/assignments`, { labId: form.get('labId'), opensAt: at('opensAt'), dueAt: at('dueAt'), counts: form.get('counts') }));
  }
  const now = new Date();
  return (
    <form className="assign-form" onSubmit={submit}>
      <label>Lab <select name="labId" required>{labs.map((l) => <option key={l.id} value={l.id}>{l.title}</option>)}</select></label>
      <label>Opens <input type="datetime-local" name="opensAt" required defaultValue={local(now)} /></label>
      <label>Due <input type="datetime-local" name="dueAt" required defaultValue={local(new Date(now.getTime() + 7 * 24 * 60 * 60_000))} /></label>
      <label>Counts <select name="counts" defaultValue="last"><option value="last">the last submission</option><option value="best">the best submission</option></select></label>
      <button type="submit" className="button" disabled={busy || !hydrated}>Assign</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </form>
  );
}

export function JoinButton({ code, name }: { code: string; name: string }) {
  const { error, busy, run, router } = useAction();
  const hydrated = useHydrated();
  return (
    <>
      <button type="button" className="button" disabled={busy || !hydrated} onClick={() => void run(() => post(`/api/join/${encodeURIComponent(code)}`, {}), () => router.push('/'))}>Join {name}</button>
      {error && <p className="form-error" role="alert">{error}</p>}
    </>
  );
}
