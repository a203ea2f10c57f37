import { db } from '@/lib/db';
import { asUser, readJson } from '@/lib/http';
import { findLesson } from '@/lib/lessons/content';
import { submitQuiz } from '@/lib/quizzes';

export async function POST(req: Request, ctx: { params: Promise<{ slug: string }> }) {
  const { slug } = await ctx.params;
  return asUser(async (user) => {
    const { lesson } = await findLesson(slug);
    return submitQuiz(db, user, lesson, await readJson(req));
  });
}
