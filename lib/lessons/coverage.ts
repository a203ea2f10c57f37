// Coverage of the source notes: content/coverage.yaml says which lessons teach each heading and
// each bullet of /work/shared/seed/kubernetes-networking-notes.md (the notes the curriculum was
// written from). scripts/coverage-map.ts keeps the map in step with the notes and the lessons;
// coverage.test.ts checks it, so a topic added to the notes, or dropped from a lesson, fails.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { captureBlocks, CaptureSpec } from './captures';
import type { Catalogue } from './loader';
import type { Lesson } from './schema';

/**
 * The notes live beside the project, not in it (they are the instructors' source, shared by
 * every repository of the course). A fresh clone without them still checks the map itself.
 */
export const NOTES_FILE = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'seed', 'kubernetes-networking-notes.md');
export const COVERAGE_FILE = resolve('content', 'coverage.yaml');

export interface NotesBullet {
  key: string;
  /** The bullet's text as written in the notes (markdown kept). */
  text: string;
  /** Its bold term (`**ClusterIP**`), which a lesson must use as is; undefined for plain bullets. */
  bold?: string;
}

export interface NotesSection {
  /** Slug path of the heading and its parents below the title: `container-networking/linux-bridge`. */
  path: string;
  title: string;
  bullets: NotesBullet[];
}

/** Lowercase, non-alphanumerics to single dashes (the lesson conventions' rule for topics). */
export function slugify(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** The bullet's words without markdown, for keys and matching. */
function plain(text: string): string {
  return text.replace(/\*\*|`/g, '').replace(/\s+/g, ' ').trim();
}

/** Headings from `##` down (the `#` title is the document's name) and their bullets, code blocks skipped. */
export function parseNotes(markdown: string): NotesSection[] {
  const sections: NotesSection[] = [];
  const stack: string[] = [];
  let current: NotesSection | undefined;
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) {
      inCode = !inCode;
      continue;
    }
    if (inCode) continue;
    const heading = /^(#{2,6})\s+(.+?)\s*$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length - 2;
      stack.length = depth;
      stack[depth] = slugify(heading[2]!);
      current = { path: stack.join('/'), title: heading[2]!, bullets: [] };
      sections.push(current);
      continue;
    }
    const bullet = /^\s*(?:[-*]|\d+\.)\s+(.+?)\s*$/.exec(line);
    if (bullet && current) {
      const text = bullet[1]!;
      const bold = /\*\*(.+?)\*\*/.exec(text)?.[1];
      // Up to five words, cut at a word boundary: stable while the bullet's start stays the same.
      const base = slugify(bold ?? plain(text).split(' ').slice(0, 5).join(' ')).replace(/^(.{1,40})(?:-.*)?$/, '$1') || 'bullet';
      let key = base;
      for (let n = 2; current.bullets.some((b) => b.key === key); n++) key = `${base}-${n}`;
      current.bullets.push({ key, text, ...(bold ? { bold } : {}) });
    }
  }
  return sections;
}

const LessonSlugs = z.array(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/));

export const CoverageMap = z.strictObject({
  sections: z.record(z.string(), z.strictObject({
    title: z.string(),
    lessons: LessonSlugs,
    bullets: z.record(z.string(), z.strictObject({
      text: z.string(),
      term: z.string().min(1).optional()
        .meta({ description: 'Words of the bullet that every mapped lesson must contain (case-insensitive); a group label ("Methods:") may have none.' }),
      lessons: LessonSlugs,
    })).optional(),
  })),
});
export type CoverageMap = z.infer<typeof CoverageMap>;

export async function readCoverageMap(file = COVERAGE_FILE): Promise<CoverageMap> {
  return CoverageMap.parse(parse(await readFile(file, 'utf8')) ?? { sections: {} });
}

export async function readNotes(file = NOTES_FILE): Promise<NotesSection[] | undefined> {
  return existsSync(file) ? parseNotes(await readFile(file, 'utf8')) : undefined;
}

/** A lesson covers a section when a topic names it, one of its parents, or one of its subsections. */
export function covers(lesson: Pick<Lesson, 'topics'>, path: string): boolean {
  return lesson.topics.some((t) => t === path || t.startsWith(`${path}/`) || path.startsWith(`${t}/`));
}

/** Lowercase, emphasis (`*`) and code marks removed, whitespace collapsed: how terms are matched. */
export function searchable(text: string): string {
  return text.toLowerCase().replace(/[*`]/g, '').replace(/\s+/g, ' ');
}

/**
 * What a student reads in a lesson: its markdown and the commands of the captures it shows (a
 * capture block renders each command with its output).
 */
export async function lessonText(lesson: Lesson): Promise<string> {
  const commands: string[] = [];
  for (const { name } of captureBlocks(lesson.body)) {
    const file = join(lesson.file, '..', 'captures', `${name}.yaml`);
    if (!existsSync(file)) continue;
    const spec = CaptureSpec.safeParse(parse(await readFile(file, 'utf8')));
    if (spec.success) commands.push(...spec.data.steps.map((s) => s.run));
  }
  return searchable([lesson.body, ...commands].join('\n'));
}

/** "Useful for:": a label whose content is the bullets nested under it. */
export function isGroupLabel(text: string): boolean {
  return /:\s*$/.test(text);
}

/** The term a lesson must contain: the bold term, else the longest command of the bullet (up to its first placeholder). */
export function fixedTerm(bullet: NotesBullet): string | undefined {
  if (bullet.bold) return bullet.bold;
  const code = [...bullet.text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.split('<')[0]!.trim()).filter(Boolean);
  return code.sort((a, b) => b.length - a.length)[0];
}

const STOP = new Set(['a', 'an', 'the', 'of', 'to', 'in', 'on', 'at', 'for', 'and', 'or', 'with', 'by', 'be', 'is', 'are', 'can',
  'use', 'uses', 'e.g.', 'etc.', 'based', 'each', 'all', 'its', 'their', 'not', 'but', 'more', 'may', 'must', 'often', 'only']);

/**
 * A term for a plain bullet: the longest run of its words (two or more, not all stop words) that
 * one of the given lesson texts contains; failing that, its longest distinctive word one contains.
 * Undefined when nothing fits: a human has to pick the words (and perhaps edit the lesson).
 */
export function suggestTerm(bullet: NotesBullet, texts: string[]): string | undefined {
  const fixed = fixedTerm(bullet);
  if (fixed) return fixed;
  const words = plain(bullet.text).replace(/[():,"]/g, ' ').split(' ').filter(Boolean);
  const inAny = (phrase: string) => texts.some((t) => t.includes(searchable(phrase)));
  // Most content words first (a phrase of stop words proves nothing), then the longest.
  const content = (run: string[]) => run.filter((w) => w.length >= 3 && !STOP.has(w.toLowerCase())).length;
  const runs: string[][] = [];
  for (let n = 2; n <= Math.min(6, words.length); n++) for (let i = 0; i + n <= words.length; i++) runs.push(words.slice(i, i + n));
  runs.sort((a, b) => content(b) - content(a) || b.join(' ').length - a.join(' ').length);
  const phrase = runs.find((run) => content(run) >= 2 && inAny(run.join(' ')));
  if (phrase) return phrase.join(' ');
  const single = words.filter((w) => w.length >= 5 && !STOP.has(w.toLowerCase())).sort((a, b) => b.length - a.length);
  return single.find(inAny);
}

export interface CoverageProblem {
  /** notes: the map misses or outlives part of the notes; lessons: an entry's lessons are wrong;
   *  terms: a bullet's term is not in the bullet or not in its lessons; topics: a lesson's topics. */
  kind: 'notes' | 'lessons' | 'terms' | 'topics';
  section: string;
  bullet?: string;
  message: string;
}

/**
 * Everything wrong with the map: against the notes (when given), the lessons' topics and their
 * text. Empty when the map is complete and true.
 */
export async function checkCoverage(map: CoverageMap, catalogue: Catalogue, notes?: NotesSection[]): Promise<CoverageProblem[]> {
  const problems: CoverageProblem[] = [];
  const lessons = new Map(catalogue.modules.flatMap((m) => m.lessons).map((l) => [l.slug, l]));
  const texts = new Map<string, string>();
  const textOf = async (lesson: Lesson) => texts.get(lesson.slug) ?? texts.set(lesson.slug, await lessonText(lesson)).get(lesson.slug)!;
  const regenerate = 'run npx tsx scripts/coverage-map.ts --write';

  if (notes) {
    for (const section of notes) {
      const entry = map.sections[section.path];
      if (!entry) {
        problems.push({ kind: 'notes', section: section.path, message: `"${section.title}" is in the notes but not in content/coverage.yaml; ${regenerate}` });
        continue;
      }
      for (const bullet of section.bullets) {
        const mapped = entry.bullets?.[bullet.key];
        if (!mapped) problems.push({ kind: 'notes', section: section.path, bullet: bullet.key, message: `bullet "${bullet.text}" is not in the map; ${regenerate}` });
        else if (mapped.text !== bullet.text) problems.push({ kind: 'notes', section: section.path, bullet: bullet.key, message: `the notes now say "${bullet.text}"; ${regenerate} and review its term` });
      }
    }
    const known = new Map(notes.map((s) => [s.path, s]));
    for (const [path, entry] of Object.entries(map.sections)) {
      const section = known.get(path);
      if (!section) {
        problems.push({ kind: 'notes', section: path, message: `not a heading of the notes (any more); ${regenerate}` });
        continue;
      }
      for (const key of Object.keys(entry.bullets ?? {})) {
        if (!section.bullets.some((b) => b.key === key)) problems.push({ kind: 'notes', section: path, bullet: key, message: `not a bullet of the notes (any more); ${regenerate}` });
      }
    }
  }

  for (const [path, entry] of Object.entries(map.sections)) {
    if (entry.lessons.length === 0) problems.push({ kind: 'lessons', section: path, message: 'no lesson covers this section: list it in the topics of the lesson that teaches it' });
    for (const slug of entry.lessons) {
      const lesson = lessons.get(slug);
      if (!lesson) problems.push({ kind: 'lessons', section: path, message: `lesson "${slug}" does not exist` });
      else if (!covers(lesson, path)) problems.push({ kind: 'lessons', section: path, message: `lesson "${slug}" does not list ${path} (or a part of it) in its topics` });
    }
    for (const [key, bullet] of Object.entries(entry.bullets ?? {})) {
      const at = { kind: 'terms' as const, section: path, bullet: key };
      if (bullet.term === undefined) {
        // A label over nested bullets ("Useful for:") is taught through them.
        if (!isGroupLabel(bullet.text)) problems.push({ ...at, message: `no term: pick words of "${bullet.text}" that its lesson uses` });
        continue;
      }
      const fixed = fixedTerm({ key, text: bullet.text, bold: /\*\*(.+?)\*\*/.exec(bullet.text)?.[1] });
      if (/\*\*/.test(bullet.text) && bullet.term !== fixed) problems.push({ ...at, message: `the term of a bold bullet is its bold text, "${fixed}"` });
      if (!searchable(bullet.text).includes(searchable(bullet.term))) problems.push({ ...at, message: `term "${bullet.term}" is not words of the bullet "${bullet.text}"` });
      if (bullet.lessons.length === 0) problems.push({ ...at, kind: 'lessons', message: `no lesson teaches "${bullet.text}"` });
      for (const slug of bullet.lessons) {
        const lesson = lessons.get(slug);
        if (!lesson) problems.push({ ...at, kind: 'lessons', message: `lesson "${slug}" does not exist` });
        else if (!covers(lesson, path)) problems.push({ ...at, kind: 'lessons', message: `lesson "${slug}" does not list ${path} in its topics` });
        else if (!(await textOf(lesson)).includes(searchable(bullet.term))) {
          problems.push({ ...at, message: `lesson "${slug}" never says "${bullet.term}" (for the bullet "${bullet.text}")` });
        }
      }
    }
  }

  for (const lesson of lessons.values()) {
    const unknown = lesson.topics.filter((t) => !map.sections[t]);
    if (unknown.length === lesson.topics.length) problems.push({ kind: 'topics', section: '(lessons)', message: `lesson "${lesson.slug}" lists no topic that is a section of the notes` });
    else if (unknown.length) problems.push({ kind: 'topics', section: '(lessons)', message: `lesson "${lesson.slug}" lists topics that are not sections of the notes: ${unknown.join(', ')}` });
  }
  return problems;
}
