import { toNextJsHandler } from 'better-auth/next-js';
import { auth } from '@/lib/auth';
import { readBody } from '@/lib/body-limits';
import { errorBody, httpStatus, toAppError } from '@/lib/errors';
import { sessionWatch } from '@/lib/services';

const handler = toNextJsHandler(auth);

export const { GET } = handler;

/** better-auth reads the body itself; it gets one already read within the size limit. */
export async function POST(req: Request) {
  let body: string;
  try {
    body = await readBody(req);
  } catch (err) {
    const error = toAppError(err);
    return Response.json(errorBody(error), { status: httpStatus(error) });
  }
  const response = await handler.POST(new Request(req, { body }));
  // The session is gone now: terminals opened with it close at once, not at the next round.
  if (new URL(req.url).pathname.endsWith('/sign-out')) await sessionWatch().recheck();
  return response;
}
