import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/AuthForms';
import { currentUser, isStaff } from '@/lib/auth';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Netdojo', template: '%s · Netdojo' },
  description: 'Learn Kubernetes networking by building it, on real Linux sandboxes.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentUser(await headers());
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">⬡</span> Netdojo
          </Link>
          <nav>
            <Link href="/">Catalogue</Link>
            <Link href="/exams">Exams</Link>
            {user && <Link href="/history">History</Link>}
            {user && isStaff(user) && <Link href="/classes">Classes</Link>}
          </nav>
          <div className="account">
            {user ? (
              <>
                <span className="who" title={user.email}>
                  {user.name} {user.role !== 'student' && <span className="role">{user.role}</span>}
                </span>
                <SignOutButton />
              </>
            ) : (
              <>
                <Link href="/sign-in">Sign in</Link>
                <Link href="/sign-up" className="button small">Sign up</Link>
              </>
            )}
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
