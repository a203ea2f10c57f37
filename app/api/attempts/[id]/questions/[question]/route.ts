// A question of an exam attempt: POST {action: "open" | "reset"} starts or restarts its sandbox,
// {action: "check"} grades it (practice mode); PATCH {flagged?, answered?} sets the student's marks.
import { z } from 'zod';
import { asUser, parseJson } from '@/lib/http';
import { exams } from '@/lib/services';

type Ctx = { params: Promise<{ id: string; question: string }> };
const Act = z.object({ action: z.enum(['open', 'reset', 'check']) });
const Marks = z.object({ flagged: z.boolean().optional(), answered: z.boolean().optional() });

export async function POST(req: Request, ctx: Ctx) {
  const { id, question } = await ctx.params;
  return asUser(async (user) => {
    const { action } = await parseJson(req, Act);
    if (action === 'check') return exams().check(user, id, question);
    return action === 'open' ? exams().open(user, id, question) : exams().reset(user, id, question);
  });
}

export async function PATCH(req: Request, ctx: Ctx) {
  const { id, question } = await ctx.params;
  return asUser(async (user) => exams().mark(user, id, question, await parseJson(req, Marks)));
}
