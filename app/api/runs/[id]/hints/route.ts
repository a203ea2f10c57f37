import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { wireHint } from '@/lib/player';
import { runs } from '@/lib/services';

const OpenHint = z.object({ taskId: z.string().min(1).max(64), index: z.int().min(0).max(20) });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser(async (user) => {
    const { taskId, index } = await parseJson(req, OpenHint);
    return wireHint(await runs().openHint(user, id, taskId, index));
  });
}
