import { asUser } from '@/lib/http';
import { exams } from '@/lib/services';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser((user) => exams().get(user, id));
}
