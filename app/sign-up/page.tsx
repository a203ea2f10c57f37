import { Suspense } from 'react';
import { AuthForm } from '@/components/AuthForms';

export const metadata = { title: 'Sign up' };

export default function SignUp() {
  return (
    <main className="narrow">
      <Suspense>
        <AuthForm mode="sign-up" />
      </Suspense>
    </main>
  );
}
