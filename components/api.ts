// The browser's calls to Netdojo's JSON API: the parsed body, or an Error carrying the server's
// message for the student (lib/errors.ts gives every error one).
export async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } }).catch(() => null);
  if (!res) throw new Error('The server could not be reached; try again.');
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  return body as T;
}
