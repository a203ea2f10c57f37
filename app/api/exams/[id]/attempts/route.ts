import { z } from 'zod';
import { AttemptMode } from '@/lib/exams/attempts';
import { asUser, parseJson } from '@/lib/http';
import { exams } from '@/lib/services';

const Start = z.object({ mode: AttemptMode });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser(async (user) => exams().start(user, id, (await parseJson(req, Start)).mode), 201);
}
