import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { runs } from '@/lib/services';

const StartRun = z.object({ labId: z.string().min(1).max(64) });

export async function POST(req: Request) {
  return asUser(async (user) => runs().start(user, (await parseJson(req, StartRun)).labId), 201);
}
