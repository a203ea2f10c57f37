// Lessons for the web app: the catalogue of content/ (read at run time, so an edit needs no
// rebuild) and one lesson rendered to HTML with its real captured output.
import { basename, resolve } from 'node:path';
import { AppError } from '../errors';
import { freshFor } from '../fresh';
import { escapeHtml, renderMarkdown, type Rendered } from '../markdown';
import { captureBlocks, loadCaptureOutput, type CaptureOutput } from './captures';
import { loadContent, type Catalogue } from './loader';
import type { Lesson } from './schema';

const loadCatalogue = freshFor(3000, loadContent);

export function lessonCatalogue(root = resolve('content')): Promise<Catalogue> {
  return loadCatalogue(root);
}

export interface LessonEntry {
  lesson: Lesson;
  module: Catalogue['modules'][number];
  previous?: Lesson;
  next?: Lesson;
}

export async function findLesson(slug: string): Promise<LessonEntry> {
  const { modules } = await lessonCatalogue();
  const all = modules.flatMap((module) => module.lessons.map((lesson) => ({ lesson, module })));
  const index = all.findIndex((e) => e.lesson.slug === slug);
  if (index < 0) throw new AppError('NotFound', `There is no lesson "${slug}".`);
  return { ...all[index]!, previous: all[index - 1]?.lesson, next: all[index + 1]?.lesson };
}

/** The URL a lesson's asset is served from (app/content/[module]/[...path]/route.ts). */
export function assetUrl(moduleDir: string, href: string): string {
  return `/content/${basename(moduleDir)}/${href.replace(/^\.\//, '')}`;
}

function renderCapture(output: CaptureOutput): string {
  const multiNode = new Set(output.steps.map((s) => s.node)).size > 1;
  const lines = output.steps.map((step) => {
    // A background step ran in a second terminal while the later commands ran, and was stopped
    // with Ctrl-C after the last one: its output is shown here but was printed meanwhile.
    const aside = step.background ? `<span class="aside"># in a second terminal on ${escapeHtml(step.node)}, left running while the next commands run, then stopped with Ctrl-C</span>\n` : '';
    const prompt = `${aside}<span class="prompt">root@${escapeHtml(step.node)}:~#</span> `;
    const command = `<span class="command">${escapeHtml(step.run.trimEnd())}</span>`;
    const text = step.output.trimEnd();
    return `${prompt}${command}${text ? `\n${escapeHtml(text)}` : ''}`;
  });
  const label = multiNode ? 'real output from a Netdojo sandbox (several nodes)' : 'real output from a Netdojo sandbox';
  return `<div class="capture" data-capture="${escapeHtml(output.capture)}"><div class="capture-bar"><span>${label}</span></div><pre>${lines.join('\n')}</pre></div>`;
}

/** A lesson's HTML; a missing or stale capture shows as a visible error box, not a crash. */
export async function renderLesson(lesson: Lesson, moduleDir: string): Promise<Rendered> {
  const captures = new Map<string, string>();
  for (const { name } of captureBlocks(lesson.body)) {
    try {
      captures.set(name, renderCapture(await loadCaptureOutput(moduleDir, name)));
    } catch (err) {
      captures.set(name, `<div class="capture capture-missing">Captured output "${escapeHtml(name)}" is unavailable: ${escapeHtml((err as Error).message)}</div>`);
    }
  }
  return renderMarkdown(lesson.body, {
    resolveUrl: (href) => assetUrl(moduleDir, href),
    block: (lang, text) => (lang === 'capture' ? captures.get(text.trim()) : undefined),
  });
}
