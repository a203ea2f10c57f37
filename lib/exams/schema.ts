// The exam file format, exams/<id>/exam.yaml: a timed set of questions, each drawn from a lab
// (the whole lab or some of its tasks), with a weight and a domain for the results breakdown.
// Written once in zod: the TypeScript types, the loader's located errors and exams/schema.json
// come from here.
import { z } from 'zod';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lowercase letters, digits and dashes');

export const QuestionSpec = z
  .object({
    id: Id.describe('Unique within the exam; results and attempts refer to it'),
    lab: Id.describe('The lab in labs/ the question is drawn from'),
    tasks: z.array(Id).min(1).optional().describe('The lab tasks graded; all of them when left out. Tasks they need must be listed too'),
    title: z.string().min(1).max(120).optional().describe('Shown in the question list; the lab\'s title by default'),
    weight: z.int().min(1).max(20).default(1).describe('Share of the exam\'s score; the tasks\' points split it'),
    domain: z.string().min(1).max(40).describe('Topic for the results breakdown, e.g. "Services" or "DNS"'),
  })
  .strict();
export type QuestionSpec = z.infer<typeof QuestionSpec>;

export const ExamSpec = z
  .object({
    id: Id.describe('Equals the folder name'),
    title: z.string().min(1).max(120),
    summary: z.string().min(1).max(300).describe('One sentence for the exam list'),
    description: z.string().min(1).describe('Markdown shown before the exam starts: what it covers, how it is graded'),
    durationMinutes: z.int().min(5).max(480),
    passPercent: z.int().min(1).max(100).describe('The share of the weighted score that passes'),
    questions: z.array(QuestionSpec).min(1).max(40),
  })
  .strict();
export type ExamSpec = z.infer<typeof ExamSpec>;
export type Exam = ExamSpec;
