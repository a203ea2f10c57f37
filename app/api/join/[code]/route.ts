import { asUser } from '@/lib/http';
import { classes } from '@/lib/services';

export async function POST(_req: Request, ctx: { params: Promise<{ code: string }> }) {
  const { code } = await ctx.params;
  return asUser((user) => classes().join(user, code));
}
