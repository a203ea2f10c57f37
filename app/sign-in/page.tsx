import { Suspense } from 'react';
import { AuthForm } from '@/components/AuthForms';

export const metadata = { title: 'Sign in' };

export default function SignIn() {
  return (
    <main className="narrow">
      <Suspense>
        <AuthForm mode="sign-in" />
      </Suspense>
    </main>
  );
}
