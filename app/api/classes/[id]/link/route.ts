// A new enrolment link for the class; the old one stops working.
import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { classes } from '@/lib/services';

const Renew = z.object({ joinExpiresAt: z.coerce.date().optional() });

export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  return asUser(async (user) => classes().renewLink(user, id, (await parseJson(req, Renew)).joinExpiresAt));
}
