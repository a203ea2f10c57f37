import { asUser } from '@/lib/http';
import { runs } from '@/lib/services';

type Ctx = { params: Promise<{ id: string }> };

export async function GET(_req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  return asUser((user) => runs().get(user, id));
}

export async function DELETE(_req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  return asUser((user) => runs().end(user, id));
}
