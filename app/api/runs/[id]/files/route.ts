// The editor's view of a node's files: GET ?node=&path= lists a folder (path ending in /) or
// reads a file; PUT saves one.
import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { runs } from '@/lib/services';

type Ctx = { params: Promise<{ id: string }> };
const Where = z.object({ node: z.string().min(1).max(32), path: z.string().min(1).max(4096) });
const Save = Where.extend({ content: z.string() });

export async function GET(req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  const url = new URL(req.url);
  return asUser(async (user) => {
    const { node, path } = Where.parse({ node: url.searchParams.get('node'), path: url.searchParams.get('path') });
    if (path.endsWith('/')) return { entries: await runs().listFiles(user, id, node, path) };
    return { content: await runs().readFile(user, id, node, path) };
  });
}

export async function PUT(req: Request, ctx: Ctx) {
  const { id } = await ctx.params;
  return asUser(async (user) => {
    const { node, path, content } = await parseJson(req, Save);
    await runs().writeFile(user, id, node, path, content);
    return { saved: path };
  });
}
