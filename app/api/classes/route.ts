import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { classes } from '@/lib/services';

const NewClass = z.object({ name: z.string().trim().min(1).max(80), joinExpiresAt: z.coerce.date().optional() });

export async function GET() {
  return asUser((user) => classes().taughtBy(user));
}

export async function POST(req: Request) {
  return asUser(async (user) => {
    const { name, joinExpiresAt } = await parseJson(req, NewClass);
    return classes().create(user, name, joinExpiresAt);
  }, 201);
}
