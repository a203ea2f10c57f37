// An instructor's live, read-only view of a student's terminals: it sends no input and does not
// count as the student's activity.
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { LiveView } from '@/components/LiveView';
import { currentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { runs } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function WatchPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/runs/${id}/watch`);
  const run = await runs().get(user, id).catch((err) => {
    if (isAppError(err) && err.code === 'NotFound') notFound();
    throw err;
  });
  return <LiveView runId={run.id} nodes={run.nodes.map((n) => n.name)} live={run.status === 'ready'} />;
}
