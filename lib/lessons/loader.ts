// Loads content/: every module folder (module.yaml) and its lessons with their quizzes.
// Problems come back as `file: message` lines; one broken lesson does not hide the others.
// A lesson whose ```capture block has no current recorded output still loads (the page shows
// the gap), but the block is reported as an error. A lesson that links to a lab missing from
// labs/ (in its `labs:` or as a /labs/<id> link in its text) is rejected: the page would offer a
// lab that cannot be started.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { isScalar, isSeq, LineCounter, parse, parseDocument } from 'yaml';
import { z } from 'zod';
import { captureBlocks, loadCaptureOutput } from './captures';
import { LessonFrontMatter, ModuleSpec, QuizSpec, type Lesson, type ModuleSpec as Module } from './schema';

export interface Catalogue {
  modules: (Module & { dir: string; lessons: Lesson[] })[];
  errors: string[];
}

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

function describe(file: string, error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((i) => `${file}: ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
  return `${file}: ${(error as Error).message}`;
}

async function loadLesson(dir: string, name: string, module: number): Promise<{ lesson: Lesson; text: string }> {
  const file = join(dir, name);
  const text = await readFile(file, 'utf8');
  const match = FRONT_MATTER.exec(text);
  if (!match) throw new Error('missing front matter between --- lines');
  const front = LessonFrontMatter.parse(parse(match[1]!));
  if (`${front.slug}.md` !== name) throw new Error(`slug "${front.slug}" does not match the file name`);
  const quizFile = join(dir, `${front.slug}.quiz.yaml`);
  if (!existsSync(quizFile)) throw new Error(`no quiz: expected ${front.slug}.quiz.yaml beside it`);
  let quiz;
  try {
    quiz = QuizSpec.parse(parse(await readFile(quizFile, 'utf8')));
  } catch (err) {
    throw new Error(describe(quizFile, err));
  }
  return { lesson: { ...front, module, body: text.slice(match[0].length), quiz, file }, text };
}

/** The file's line of each lab the lesson links to, in front matter or as /labs/<id> in its text. */
function labLinks(text: string): { id: string; line: number; inText: boolean }[] {
  const match = FRONT_MATTER.exec(text)!;
  const lines = new LineCounter();
  const labs = parseDocument(match[1]!, { lineCounter: lines }).get('labs', true);
  // The front matter's first line is the file's second, after the opening ---.
  const front = isSeq(labs) ? labs.items.filter(isScalar).map((item) => ({ id: String(item.value), line: 1 + lines.linePos(item.range?.[0] ?? 0).line, inText: false })) : [];
  const bodyStart = match[0].split('\n').length - 1;
  const inText = text.slice(match[0].length).split('\n').flatMap((line, i) =>
    [...line.matchAll(/\]\(\/labs\/([^\s)/#?]+)/g)].map(([, id]) => ({ id: id!, line: bodyStart + i + 1, inText: true })));
  return [...front, ...inText];
}

function labLinkErrors(file: string, text: string, labsRoot: string): string[] {
  return labLinks(text)
    .filter(({ id }) => !existsSync(join(labsRoot, id, 'lab.yaml')))
    .map(({ id, line, inText }) => inText
      ? `${file}:${line}: a link to /labs/${id}, but there is no lab "${id}" in ${labsRoot}`
      : `${file}:${line}: labs: no lab "${id}" in ${labsRoot}`);
}

/** Every ```capture block must name a capture of the module whose recorded output is current. */
async function captureErrors(lesson: Lesson, moduleDir: string): Promise<string[]> {
  const errors: string[] = [];
  const frontLines = (await readFile(lesson.file, 'utf8')).split('\n').length - lesson.body.split('\n').length;
  for (const { name, line } of captureBlocks(lesson.body)) {
    const where = `${lesson.file}:${frontLines + line}`;
    if (!name || /\s/.test(name)) {
      errors.push(`${where}: a capture block holds exactly one capture name, found "${name}"`);
      continue;
    }
    try {
      await loadCaptureOutput(moduleDir, name);
    } catch (err) {
      errors.push(`${where}: capture "${name}": ${(err as Error).message}`);
    }
  }
  return errors;
}

export async function loadContent(root = resolve('content'), labsRoot = resolve('labs')): Promise<Catalogue> {
  const errors: string[] = [];
  const modules: Catalogue['modules'] = [];
  if (!existsSync(root)) return { modules, errors: [`${root}: no content folder`] };
  const folders = (await readdir(root, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  for (const folder of folders) {
    const dir = join(root, folder);
    let spec: Module;
    try {
      spec = ModuleSpec.parse(parse(await readFile(join(dir, 'module.yaml'), 'utf8')));
    } catch (err) {
      errors.push(describe(join(dir, 'module.yaml'), err));
      continue;
    }
    const lessons: Lesson[] = [];
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md')).sort()) {
      let lesson: Lesson, text: string;
      try {
        ({ lesson, text } = await loadLesson(dir, name, spec.number));
      } catch (err) {
        errors.push(describe(join(dir, name), err));
        continue;
      }
      const linkErrors = labLinkErrors(lesson.file, text, labsRoot);
      if (linkErrors.length > 0) {
        errors.push(...linkErrors);
        continue;
      }
      lessons.push(lesson);
      errors.push(...(await captureErrors(lesson, dir)));
    }
    modules.push({ ...spec, dir, lessons: lessons.sort((a, b) => a.order - b.order) });
  }
  return { modules: modules.sort((a, b) => a.number - b.number), errors };
}
