'use client';
// Sign-up, sign-in and sign-out, through better-auth's browser client.
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { authClient } from './auth-client';
import { safeNext } from './safe-next';
import { useHydrated } from './use-hydrated';

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const router = useRouter();
  const next = safeNext(useSearchParams().get('next'), typeof window === 'undefined' ? 'http://netdojo.invalid' : window.location.origin);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    const { error } =
      mode === 'sign-up'
        ? await authClient.signUp.email({ email, password, name: String(form.get('name') ?? '') || email.split('@')[0]! })
        : await authClient.signIn.email({ email, password });
    setBusy(false);
    if (error) return setError(error.message ?? 'That did not work; try again.');
    router.push(next);
    router.refresh();
  }

  return (
    <form className="auth-form" method="post" onSubmit={submit}>
      <h1>{mode === 'sign-up' ? 'Create your account' : 'Welcome back'}</h1>
      {mode === 'sign-up' && (
        <label>
          Name
          <input name="name" autoComplete="name" required maxLength={80} />
        </label>
      )}
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required maxLength={254} />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete={mode === 'sign-up' ? 'new-password' : 'current-password'} required minLength={8} maxLength={128} />
      </label>
      {error && <p className="form-error" role="alert">{error}</p>}
      <button type="submit" className="button" disabled={busy || !hydrated}>
        {busy ? 'One moment…' : mode === 'sign-up' ? 'Sign up' : 'Sign in'}
      </button>
      <p className="muted">
        {mode === 'sign-up' ? (
          <>Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link></>
        ) : (
          <>New here? <Link href={`/sign-up?next=${encodeURIComponent(next)}`}>Create an account</Link></>
        )}
      </p>
    </form>
  );
}

export function SignOutButton() {
  const router = useRouter();
  return (
    <button
      type="button"
      className="link-button"
      onClick={async () => {
        await authClient.signOut();
        router.push('/');
        router.refresh();
      }}
    >
      Sign out
    </button>
  );
}
