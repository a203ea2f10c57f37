// A lab's overview: what it asks, how long it takes, and the Start button.
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StartLabButton } from '@/components/StartLabButton';
import { currentUser } from '@/lib/auth';
import { db } from '@/lib/db';
import { labCatalogue } from '@/lib/lab-catalogue';
import { drawParams, renderLab } from '@/lib/labs/params';
import { renderInline, renderMarkdown } from '@/lib/markdown';
import { labProgress } from '@/lib/run/progress';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function lab(id: string) {
  const found = (await labCatalogue()).labs.find((l) => l.id === id);
  if (!found) notFound();
  // The overview shows the curriculum's names and addresses; a run draws its own.
  return renderLab(found, drawParams(found, { useDefaults: true }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await lab((await params).id);
  return { title: found.title, description: found.summary };
}

export default async function LabPage({ params }: Props) {
  const found = await lab((await params).id);
  const user = await currentUser(await headers());
  const progress = user ? (await labProgress(db, user)).get(found.id) : undefined;
  const description = await renderMarkdown(found.description);
  return (
    <main className="page narrow-page">
      <p className="muted small"><Link href={`/#module-${found.module}`}>Module {found.module}</Link> · <Link href={`/lessons/${found.lesson}`}>lesson</Link></p>
      <h1>{found.title}</h1>
      <p className="lede">{found.summary}</p>
      <p className="muted">
        {found.minutes} min · {found.difficulty} · {found.sandbox.nodes.length} node{found.sandbox.nodes.length > 1 ? 's' : ''} · {found.tasks.length} tasks ·
        time limit {found.sandbox.timeLimitMinutes} min
        {progress?.best && <> · your best: {progress.best.score}/{progress.best.maxScore}</>}
      </p>
      {user ? (
        <StartLabButton labId={found.id} liveRunId={progress?.liveRunId ?? null} />
      ) : (
        <p><Link className="button" href={`/sign-in?next=/labs/${found.id}`}>Sign in to start this lab</Link></p>
      )}
      <div className="prose" dangerouslySetInnerHTML={{ __html: description.html }} />
      <h2>Tasks</h2>
      <ol className="task-overview">
        {found.tasks.map((t) => <li key={t.id} dangerouslySetInnerHTML={{ __html: `${renderInline(t.title)} <span class="muted small">${t.points} pt</span>` }} />)}
      </ol>
      <p className="muted small">Names and addresses in your run may differ from the ones above: each run draws its own, and the player shows them.</p>
    </main>
  );
}
