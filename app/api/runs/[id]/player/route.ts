// Everything the player shows of a run (its lab rendered with the run's params, hints, last
// grade): the exam player loads a question's this way once its sandbox exists.
import { asUser } from '@/lib/http';
import { playerData } from '@/lib/player';
import { runs } from '@/lib/services';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser((user) => playerData(runs(), user, id));
}
