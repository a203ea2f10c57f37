import { NewAssignment } from '@/lib/classes';
import { asUser, parseJson } from '@/lib/http';
import { classes } from '@/lib/services';

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser(async (user) => classes().assign(user, id, await parseJson(req, NewAssignment)), 201);
}
