// Lesson assets (diagrams) from content/<module>/assets/, served by Netdojo itself: no CDN.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', webp: 'image/webp' };

export async function GET(_req: Request, ctx: { params: Promise<{ module: string; path: string[] }> }) {
  const { module, path } = await ctx.params;
  const [folder, file] = path;
  const ext = file?.split('.').pop() ?? '';
  // Only content/<module>/assets/<file>: no dots or slashes that could climb out.
  if (!/^\d\d-[a-z0-9-]+$/.test(module) || folder !== 'assets' || path.length !== 2 || !/^[a-z0-9][a-z0-9._-]*$/i.test(file!) || !TYPES[ext]) {
    return new Response('not found', { status: 404 });
  }
  const body = await readFile(join(resolve('content'), module, 'assets', file!)).catch(() => undefined);
  if (!body) return new Response('not found', { status: 404 });
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': TYPES[ext]!, 'cache-control': 'public, max-age=300', 'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'" },
  });
}
