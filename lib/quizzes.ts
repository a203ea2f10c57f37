// Lesson quizzes, graded on the server. The answer key and the explanations reach the browser only
// after a genuine attempt, one that answers every question; each attempt is kept, small and
// spaced out, and a lesson's progress is its best attempt's score.
import { z } from 'zod';
import type { User } from './auth';
import type { Db } from './db';
import { AppError } from './errors';
import type { QuizSpec } from './lessons/schema';

/** What a browser submits: per question id, chosen option indexes or typed text. */
export const QuizAnswers = z.record(z.string().max(64), z.union([z.array(z.int().min(0).max(20)).max(20), z.string().max(300)]));
export type QuizAnswers = z.infer<typeof QuizAnswers>;

/** The most a stored attempt may take; a quiz of six questions with long typed answers fits. */
const MAX_ANSWERS_BYTES = 4096;
/** Between two attempts at one quiz: time to read the explanations, not to script guesses. */
const ATTEMPT_GAP_MS = 10_000;
const ATTEMPTS_PER_DAY = 30;

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

function isAnswered(given: QuizAnswers[string] | undefined): boolean {
  return typeof given === 'string' ? given.trim() !== '' : Array.isArray(given) && given.length > 0;
}

/** Refuses anything but one answer to every question of the quiz, naming what is missing. */
export function assertGenuine(quiz: QuizSpec, answers: QuizAnswers): void {
  const known = new Set(quiz.questions.map((q) => q.id));
  if (Object.keys(answers).some((id) => !known.has(id))) {
    throw new AppError('BadRequest', 'Those answers do not belong to this quiz; reload the page and try again.');
  }
  const missing = quiz.questions.flatMap((q, n) => (isAnswered(answers[q.id]) ? [] : [n + 1]));
  if (missing.length) {
    const which = missing.length === 1 ? `question ${missing[0]} has` : `questions ${missing.join(', ')} have`;
    throw new AppError('BadRequest', `Answer every question before submitting: ${which} no answer yet.`);
  }
  if (Buffer.byteLength(JSON.stringify(answers)) > MAX_ANSWERS_BYTES) {
    throw new AppError('BadRequest', 'Those answers are too long to keep; shorten the typed ones.');
  }
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

async function assertNotTooSoon(db: Db, user: User, lesson: string): Promise<void> {
  const dayAgo = new Date(Date.now() - 24 * 60 * 60_000);
  const recent = await db.quizAttempt.findMany({
    where: { userId: user.id, lesson, createdAt: { gt: dayAgo } },
    orderBy: { createdAt: 'desc' },
    take: ATTEMPTS_PER_DAY,
    select: { createdAt: true },
  });
  const wait = recent[0] ? ATTEMPT_GAP_MS - (Date.now() - recent[0].createdAt.getTime()) : 0;
  if (wait > 0) throw new AppError('SlowDown', `Read the explanations first: you can submit again in ${Math.ceil(wait / 1000)} s.`);
  if (recent.length >= ATTEMPTS_PER_DAY) throw new AppError('SlowDown', `That is ${ATTEMPTS_PER_DAY} attempts at this quiz today; come back tomorrow.`);
}

export async function submitQuiz(db: Db, user: User, lesson: { slug: string; quiz: QuizSpec }, input: unknown): Promise<QuizResult> {
  const parsed = QuizAnswers.safeParse(input);
  if (!parsed.success) throw new AppError('BadRequest', 'Those answers could not be read; reload the page and try again.');
  assertGenuine(lesson.quiz, parsed.data);
  await assertNotTooSoon(db, user, lesson.slug);
  const result = gradeQuiz(lesson.quiz, parsed.data);
  await db.quizAttempt.create({
    data: { userId: user.id, lesson: lesson.slug, answers: JSON.stringify(parsed.data), score: result.score, maxScore: result.maxScore },
  });
  return result;
}

export interface QuizProgress {
  /** The best attempt's own score and out-of, never two attempts' figures mixed. */
  score: number;
  maxScore: number;
  attempts: number;
}

/** The user's best attempt per lesson. */
export async function quizProgress(db: Db, user: User): Promise<Map<string, QuizProgress>> {
  const rows = await db.quizAttempt.findMany({ where: { userId: user.id }, select: { lesson: true, score: true, maxScore: true } });
  const progress = new Map<string, QuizProgress>();
  for (const row of rows) {
    const best = progress.get(row.lesson);
    const better = !best || row.score / Math.max(1, row.maxScore) > best.score / Math.max(1, best.maxScore);
    progress.set(row.lesson, { score: better ? row.score : best.score, maxScore: better ? row.maxScore : best.maxScore, attempts: (best?.attempts ?? 0) + 1 });
  }
  return progress;
}

/** The last submission of a lesson's quiz, to show it graded when the page is opened again. */
export async function lastQuizAttempt(db: Db, user: User, lesson: { slug: string; quiz: QuizSpec }) {
  const row = await db.quizAttempt.findFirst({ where: { userId: user.id, lesson: lesson.slug }, orderBy: { createdAt: 'desc' }, select: { answers: true } });
  if (!row) return null;
  const answers = QuizAnswers.safeParse(JSON.parse(row.answers));
  // A quiz rewritten since: the old answers no longer fit its questions, so nothing is shown.
  if (!answers.success || !fitsQuiz(lesson.quiz, answers.data)) return null;
  return { answers: answers.data, result: gradeQuiz(lesson.quiz, answers.data) };
}

function fitsQuiz(quiz: QuizSpec, answers: QuizAnswers): boolean {
  try {
    assertGenuine(quiz, answers);
    return true;
  } catch {
    return false;
  }
}
