// An enrolment link: a signed-in student confirms joining the class.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { JoinButton } from '@/components/ClassForms';
import { currentUser } from '@/lib/auth';
import { classes } from '@/lib/services';

export const dynamic = 'force-dynamic';

export default async function JoinPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser(await headers());
  if (!user) redirect(`/sign-in?next=/join/${encodeURIComponent(code)}`);
  const klass = await classes().byCode(code);
  return (
    <main className="narrow">
      {klass ? (
        <>
          <h1>Join {klass.name}</h1>
          <p>Your instructor will see your work on the labs they assign: your runs, Checks and submissions.</p>
          <JoinButton code={code} name={klass.name} />
        </>
      ) : (
        <><h1>This link does not work</h1><p>It may have been replaced by a new one; ask your instructor for the current link.</p></>
      )}
    </main>
  );
}
