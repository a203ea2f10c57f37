// The lab player: terminal, editor, tasks and Check for one run.
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { LabPlayer } from '@/components/LabPlayer';
import { currentUser } from '@/lib/auth';
import { isAppError } from '@/lib/errors';
import { playerData } from '@/lib/player';
import { classes, runs } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/runs/${id}`);
  const data = await playerData(runs(), user, id, classes()).catch((err) => {
    if (isAppError(err) && err.code === 'NotFound') notFound();
    throw err;
  });
  return <LabPlayer initial={data} />;
}
