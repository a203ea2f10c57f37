import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { exams } from '@/lib/services';

const Notes = z.object({ notes: z.string().max(20_000) });

export async function PUT(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser(async (user) => {
    await exams().saveNotes(user, id, (await parseJson(req, Notes)).notes);
    return { saved: true };
  });
}
