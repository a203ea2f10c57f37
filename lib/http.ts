// The shape every JSON route handler shares: find the user, parse the input with zod, call one
// domain function, and map errors to statuses in one place (lib/errors.ts).
import { headers } from 'next/headers';
import type { z } from 'zod';
import { requireUser, type User } from './auth';
import { readBody } from './body-limits';
import { readEnv } from './env';
import { AppError, errorBody, httpStatus, toAppError } from './errors';

/** The request's JSON body, read within the route's size limit (lib/body-limits.ts) and parsed by `schema`. */
export async function parseJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) throw new AppError('BadRequest', `bad request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** The body as JSON, or undefined when it is not JSON; too large a body is refused (413). */
export async function readJson(req: Request): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const origins = readEnv().origins;

/**
 * A browser sends Origin with every POST/PUT/DELETE; one from another site is a forged request
 * riding the student's cookie. Clients that send none (curl, the tests' API calls) are not browsers.
 */
function refuseForeignOrigin(request: Headers) {
  const origin = request.get('origin');
  if (origin && !origins.includes(origin)) throw new AppError('Forbidden', `requests from ${origin} are not accepted`);
}

/** Runs `work` as the signed-in user and answers JSON: its result, or `{error: {code, message}}`. */
export async function asUser(work: (user: User) => Promise<unknown>, successStatus = 200): Promise<Response> {
  try {
    const request = await headers();
    refuseForeignOrigin(request);
    const user = await requireUser(request);
    return Response.json(await work(user), { status: successStatus });
  } catch (err) {
    const error = toAppError(err);
    return Response.json(errorBody(error), { status: httpStatus(error) });
  }
}
