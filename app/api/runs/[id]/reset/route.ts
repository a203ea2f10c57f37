import { asUser } from '@/lib/http';
import { runs } from '@/lib/services';

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser((user) => runs().reset(user, id), 201);
}
