// Loading and linting exams: exams/<id>/exam.yaml, checked against its schema and against the
// labs it draws from. Every problem is `file:line:col: message`, like a lab's.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Lab } from '../labs/schema';
import { issueErrors, YamlSource, type LabError } from '../yaml-source';
import { ExamSpec, type Exam } from './schema';

export const EXAM_FILE = 'exam.yaml';

export type ExamLoad = { dir: string; exam: Exam; errors: [] } | { dir: string; exam: undefined; errors: LabError[] };

export async function loadAllExams(labs: Map<string, Lab>, examsRoot = resolve('exams')): Promise<ExamLoad[]> {
  const entries = await readdir(examsRoot, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(examsRoot, e.name));
  return Promise.all(dirs.sort().map((dir) => loadExam(dir, labs)));
}

/** `labs` are the labs that loaded, by id: a question may only draw from one of them. */
export async function loadExam(dir: string, labs: Map<string, Lab>): Promise<ExamLoad> {
  const root = resolve(dir);
  const file = join(root, EXAM_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return failed(root, [{ file, line: 1, col: 1, message: `no ${EXAM_FILE} in this exam folder` }]);
  const source = new YamlSource(file, text);
  const syntax = source.doc.errors[0];
  if (syntax) return failed(root, [source.errorAt(syntax.pos[0], syntax.message)]);
  const data: unknown = source.doc.toJS();
  const parsed = ExamSpec.safeParse(data);
  if (!parsed.success) return failed(root, parsed.error.issues.flatMap((issue) => issueErrors(source, data, issue, ExamSpec)));
  const errors = examProblems(parsed.data, basename(root), labs).map((p) => source.errorAtPath(p.path, p.message));
  if (errors.length) return failed(root, errors);
  // A question without a title of its own is called by its lab's.
  const exam = { ...parsed.data, questions: parsed.data.questions.map((q) => ({ ...q, title: q.title ?? labs.get(q.lab)!.title })) };
  return { dir: root, exam, errors: [] };
}

function failed(dir: string, errors: LabError[]): ExamLoad {
  return { dir, exam: undefined, errors: errors.sort((a, b) => a.line - b.line || a.col - b.col) };
}

interface Problem {
  path: (string | number)[];
  message: string;
}

/** What one field at a time cannot say: the folder name, unique ids, and labs and tasks that exist. */
export function examProblems(exam: Exam, folderName: string, labs: Map<string, Lab>): Problem[] {
  const problems: Problem[] = [];
  if (exam.id !== folderName) problems.push({ path: ['id'], message: `id "${exam.id}" must equal the exam's folder name "${folderName}"` });
  const seen = new Set<string>();
  for (const [i, q] of exam.questions.entries()) {
    if (seen.has(q.id)) problems.push({ path: ['questions', i, 'id'], message: `duplicate question id "${q.id}"` });
    seen.add(q.id);
    const lab = labs.get(q.lab);
    if (!lab) {
      problems.push({ path: ['questions', i, 'lab'], message: `no lab "${q.lab}" in labs/ (or it has lint errors: netdojo lab lint)` });
      continue;
    }
    const ids = lab.tasks.map((t) => t.id);
    for (const [j, id] of (q.tasks ?? []).entries()) {
      if (!ids.includes(id)) problems.push({ path: ['questions', i, 'tasks', j], message: `lab "${q.lab}" has no task "${id}"; its tasks are ${ids.join(', ')}` });
    }
    // A task is graded only once what it needs passes: leaving a prerequisite out would make
    // the question impossible to pass.
    const chosen = new Set(q.tasks ?? ids);
    for (const task of lab.tasks.filter((t) => chosen.has(t.id))) {
      const missing = task.needs.filter((n) => !chosen.has(n));
      if (missing.length) problems.push({ path: ['questions', i, 'tasks'], message: `task "${task.id}" needs ${missing.map((m) => `"${m}"`).join(', ')}: list it in this question's tasks too` });
    }
  }
  return problems;
}

/** The lab as the question grades it: only its chosen tasks (attempts that grade others are dropped). */
export function questionLab(lab: Lab, question: Exam['questions'][number]): Lab {
  if (!question.tasks) return lab;
  const chosen = new Set(question.tasks);
  const attempts = lab.attempts.filter((a) => Object.keys(a.expect).every((id) => chosen.has(id)));
  return { ...lab, tasks: lab.tasks.filter((t) => chosen.has(t.id)), attempts };
}
