// One terminal recording of a run, as asciicast v2 (newline-delimited JSON).
import { headers } from 'next/headers';
import { requireUser } from '@/lib/auth';
import { errorBody, httpStatus, toAppError } from '@/lib/errors';
import { recordings } from '@/lib/services';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string; name: string }> }) {
  const { id, name } = await ctx.params;
  try {
    const cast = await recordings().read(await requireUser(await headers()), id, name);
    return new Response(cast, { headers: { 'content-type': 'application/x-asciicast; charset=utf-8' } });
  } catch (err) {
    const error = toAppError(err);
    return Response.json(errorBody(error), { status: httpStatus(error) });
  }
}
