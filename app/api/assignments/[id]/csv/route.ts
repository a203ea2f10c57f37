// The assignment's grades as a CSV download.
import { headers } from 'next/headers';
import { requireUser } from '@/lib/auth';
import { errorBody, httpStatus, toAppError } from '@/lib/errors';
import { classes } from '@/lib/services';

export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  try {
    const { filename, text } = await classes().csv(await requireUser(await headers()), id);
    return new Response(text, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` } });
  } catch (err) {
    const error = toAppError(err);
    return Response.json(errorBody(error), { status: httpStatus(error) });
  }
}
