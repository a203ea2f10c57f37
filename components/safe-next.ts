// Where to go after signing in: the `next` query parameter, which anyone can put in a link. It is
// judged the way the browser will read it, by parsing it against this site's origin, because
// browsers forgive a lot (`/\evil.example`, tabs and newlines inside the scheme-relative `//`).

/** `next` as a same-origin path, search and hash; `/` for anything that would leave the site. */
export function safeNext(next: string | null, origin: string): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return '/';
  }
  if (url.origin !== new URL(origin).origin) return '/';
  // A path that normalises to `//host` would be read as another site when it is used again.
  if (url.pathname.startsWith('//')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
