// An exam attempt in progress; a finished one goes to its results.
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { ExamPlayer } from '@/components/ExamPlayer';
import { currentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { wire } from '@/lib/player';
import { exams } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function AttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/attempts/${id}`);
  const attempt = await exams().get(user, id).catch((err) => {
    if (isAppError(err) && err.code === 'NotFound') notFound();
    throw err;
  });
  if (attempt.status !== 'active') redirect(`/attempts/${id}/results`);
  return <ExamPlayer initial={wire(attempt)} />;
}
