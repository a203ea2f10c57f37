// The lesson format: content/<NN-module>/<slug>.md with YAML front matter, a quiz beside it in
// <slug>.quiz.yaml, diagrams in assets/. Written once with zod; the loader and its errors come
// from here. Rendering the markdown is the web app's (issue 4).
import { z } from 'zod';

const Slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase letters, digits and single dashes');

export const ModuleSpec = z.strictObject({
  number: z.int().min(1).max(6),
  title: z.string().min(1),
  summary: z.string().min(1),
});

export const LessonFrontMatter = z.strictObject({
  slug: Slug,
  title: z.string().min(1),
  summary: z.string().min(1).meta({ description: 'One sentence for the catalogue.' }),
  order: z.int().min(1),
  minutes: z.int().min(1).max(120),
  labs: z.array(Slug).default([]).meta({ description: 'Labs (ids in labs/) that practise this lesson.' }),
  topics: z.array(z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/)).min(1)
    .meta({ description: 'Sections of the source notes this lesson covers, as slug paths: dns-fundamentals/dns-configuration.' }),
});

const Choice = z.strictObject({
  id: Slug,
  kind: z.enum(['single', 'multiple']),
  prompt: z.string().min(1),
  options: z.array(z.string().min(1)).min(2).max(8),
  /** Indexes into options, from 0. */
  answer: z.array(z.int().min(0)).min(1),
  explanation: z.string().min(1),
});

const Typed = z.strictObject({
  id: Slug,
  kind: z.literal('text'),
  prompt: z.string().min(1),
  /** Accepted answers; compared case-insensitively with runs of spaces collapsed. */
  accept: z.array(z.string().min(1)).min(1),
  explanation: z.string().min(1),
});

export const Question = z.discriminatedUnion('kind', [Choice, Typed]).superRefine((q, ctx) => {
  if (q.kind === 'text') return;
  if (q.answer.some((i) => i >= q.options.length)) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'an answer index is past the last option' });
  if (q.kind === 'single' && q.answer.length !== 1) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'a single-choice question has exactly one answer' });
  if (new Set(q.answer).size !== q.answer.length) ctx.addIssue({ code: 'custom', path: ['answer'], message: 'an answer index appears twice' });
});

export const QuizSpec = z.strictObject({
  questions: z.array(Question).min(4, 'a quiz has 4 to 6 questions').max(6, 'a quiz has 4 to 6 questions'),
});

export type ModuleSpec = z.infer<typeof ModuleSpec>;
export type LessonFrontMatter = z.infer<typeof LessonFrontMatter>;
export type Question = z.infer<typeof Question>;
export type QuizSpec = z.infer<typeof QuizSpec>;

export interface Lesson extends LessonFrontMatter {
  module: number;
  /** The markdown body, front matter removed. */
  body: string;
  quiz: QuizSpec;
  file: string;
}
