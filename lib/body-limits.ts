// How large a request body each route accepts. server.ts refuses a larger Content-Length before
// anything reads the body; readBody() enforces the same limit on the bytes as they stream in, for
// bodies that announce no length (chunked) or lie about it.
import { AppError } from './errors';

const KIB = 1024;

/** Path prefixes, most specific first; the first that matches gives the limit. */
const LIMITS: [prefix: RegExp, bytes: number, what: string][] = [
  // An editor save: the 1 MiB file, JSON-escaped (a file of control characters grows sixfold).
  [/^\/api\/runs\/[^/]+\/files$/, 6 * 1024 * KIB, 'a saved file'],
  [/^\/api\/lessons\/[^/]+\/quiz$/, 16 * KIB, 'quiz answers'],
  [/^\/api\/attempts\/[^/]+\/notes$/, 128 * KIB, 'the notepad'],
  [/^\/api\/auth\//, 8 * KIB, 'a sign-in or sign-up form'],
  [/^\//, 8 * KIB, 'a request'],
];

export interface BodyLimit {
  bytes: number;
  what: string;
}

export function bodyLimit(pathname: string): BodyLimit {
  const [, bytes, what] = LIMITS.find(([prefix]) => prefix.test(pathname))!;
  return { bytes, what };
}

export function tooLarge(limit: BodyLimit): AppError {
  return new AppError('TooLarge', `That is too large for ${limit.what}: at most ${Math.round(limit.bytes / KIB)} KiB is accepted.`);
}

/** The request's body as text, refused as soon as it grows past the route's limit. */
export async function readBody(req: Request): Promise<string> {
  const limit = bodyLimit(new URL(req.url).pathname);
  if (Number(req.headers.get('content-length') ?? 0) > limit.bytes) throw tooLarge(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit.bytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
