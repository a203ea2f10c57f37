// Loads content/: every module folder (module.yaml) and its lessons with their quizzes.
// Problems come back as `file: message` lines; one broken lesson does not hide the others.
// A lesson whose ```capture block has no current recorded output still loads (the page shows
// the gap), but the block is reported as an error.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
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

async function loadLesson(dir: string, name: string, module: number): Promise<Lesson> {
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
  return { ...front, module, body: text.slice(match[0].length), quiz, file };
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

export async function loadContent(root = resolve('content')): Promise<Catalogue> {
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
      let lesson: Lesson;
      try {
        lesson = await loadLesson(dir, name, spec.number);
      } catch (err) {
        errors.push(describe(join(dir, name), err));
        continue;
      }
      lessons.push(lesson);
      errors.push(...(await captureErrors(lesson, dir)));
    }
    modules.push({ ...spec, dir, lessons: lessons.sort((a, b) => a.order - b.order) });
  }
  return { modules: modules.sort((a, b) => a.number - b.number), errors };
}
