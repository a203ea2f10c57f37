import { asUser } from '@/lib/http';
import { classes } from '@/lib/services';

export async function POST(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser((user) => classes().submit(user, id));
}
