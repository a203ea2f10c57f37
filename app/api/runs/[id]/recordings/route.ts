import { asUser } from '@/lib/http';
import { recordings } from '@/lib/services';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser((user) => recordings().list(user, id));
}
