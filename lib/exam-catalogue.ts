// The exams the web app offers, read from exams/ at run time against the lab catalogue. A broken
// exam is listed with its errors instead of taking the list down.
import { readEnv } from './env';
import { AppError } from './errors';
import { loadAllExams } from './exams/loader';
import type { Exam } from './exams/schema';
import { freshFor } from './fresh';
import { labCatalogue } from './lab-catalogue';
import { formatLabError } from './labs/loader';

export interface ExamCatalogue {
  exams: Exam[];
  broken: { dir: string; errors: string[] }[];
}

const loadCatalogue = freshFor(3000, async (root): Promise<ExamCatalogue> => {
  const labs = new Map((await labCatalogue()).labs.map((l) => [l.id, l]));
  const results = await loadAllExams(labs, root);
  return {
    exams: results.flatMap((r) => (r.exam ? [r.exam] : [])),
    broken: results.filter((r) => !r.exam).map((r) => ({ dir: r.dir, errors: r.errors.map((e) => formatLabError(e)) })),
  };
});

export function examCatalogue(root = readEnv().examsDir): Promise<ExamCatalogue> {
  return loadCatalogue(root);
}

export async function findExam(id: string): Promise<Exam> {
  const exam = (await examCatalogue()).exams.find((e) => e.id === id);
  if (!exam) throw new AppError('NotFound', `There is no exam "${id}".`);
  return exam;
}
