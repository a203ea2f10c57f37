// Lesson quizzes, graded on the server: the answer key never reaches the browser before a
// submission, and every submission is kept (a lesson's progress is its best score).
import { z } from 'zod';
import type { User } from './auth';
import type { Db } from './db';
import { AppError } from './errors';
import type { QuizSpec } from './lessons/schema';

/** What a browser submits: per question id, chosen option indexes or typed text. */
export const QuizAnswers = z.record(z.string().max(64), z.union([z.array(z.int().min(0).max(20)).max(20), z.string().max(500)]));
export type QuizAnswers = z.infer<typeof QuizAnswers>;

export interface QuestionResult {
  id: string;
  correct: boolean;
  explanation: string;
  /** The right options (indexes) or the first accepted answer, shown after submitting. */
  answer: number[] | string;
}

export interface QuizResult {
  score: number;
  maxScore: number;
  questions: QuestionResult[];
}

/** Typed answers compare without case, surrounding backticks or quotes, or runs of spaces. */
export function normaliseTyped(text: string): string {
  return text.trim().replace(/^[`'"]+|[`'"]+$/g, '').replace(/\s+/g, ' ').replace(/\s*,\s*/g, ',').toLowerCase();
}

export function gradeQuiz(quiz: QuizSpec, answers: QuizAnswers): QuizResult {
  const questions = quiz.questions.map((q): QuestionResult => {
    const given = answers[q.id];
    if (q.kind === 'text') {
      const correct = typeof given === 'string' && q.accept.some((a) => normaliseTyped(a) === normaliseTyped(given));
      return { id: q.id, correct, explanation: q.explanation, answer: q.accept[0]! };
    }
    const chosen = Array.isArray(given) ? [...new Set(given)].sort() : [];
    const key = [...q.answer].sort();
    const correct = chosen.length === key.length && chosen.every((v, i) => v === key[i]);
    return { id: q.id, correct, explanation: q.explanation, answer: q.answer };
  });
  return { score: questions.filter((q) => q.correct).length, maxScore: questions.length, questions };
}

export async function submitQuiz(db: Db, user: User, lesson: { slug: string; quiz: QuizSpec }, input: unknown): Promise<QuizResult> {
  const parsed = QuizAnswers.safeParse(input);
  if (!parsed.success) throw new AppError('BadRequest', 'Those answers could not be read; reload the page and try again.');
  const result = gradeQuiz(lesson.quiz, parsed.data);
  await db.quizAttempt.create({
    data: { userId: user.id, lesson: lesson.slug, answers: JSON.stringify(parsed.data), score: result.score, maxScore: result.maxScore },
  });
  return result;
}

/** The user's best score per lesson. */
export async function quizProgress(db: Db, user: User): Promise<Map<string, { score: number; maxScore: number }>> {
  const rows = await db.quizAttempt.groupBy({ by: ['lesson'], where: { userId: user.id }, _max: { score: true, maxScore: true } });
  return new Map(rows.map((r) => [r.lesson, { score: r._max.score ?? 0, maxScore: r._max.maxScore ?? 0 }]));
}

/** The last submission of a lesson's quiz, to show it graded when the page is opened again. */
export async function lastQuizAttempt(db: Db, user: User, lesson: { slug: string; quiz: QuizSpec }) {
  const row = await db.quizAttempt.findFirst({ where: { userId: user.id, lesson: lesson.slug }, orderBy: { createdAt: 'desc' }, select: { answers: true } });
  if (!row) return null;
  const answers = QuizAnswers.safeParse(JSON.parse(row.answers));
  return answers.success ? { answers: answers.data, result: gradeQuiz(lesson.quiz, answers.data) } : null;
}
