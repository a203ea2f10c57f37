// `npx tsx scripts/coverage-map.ts [--write]`: brings content/coverage.yaml in step with the
// source notes and the lessons. Every heading of the notes maps to the lessons whose topics name
// it; every bullet gets a term (its bold text, its command, or the longest run of its words a
// lesson uses) and the lessons that say it. Terms a human chose are kept while they are still
// words of the bullet. Without --write it only reports what would change (exit 1 if anything).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { Document, isSeq, visit } from 'yaml';
import {
  COVERAGE_FILE,
  NOTES_FILE,
  covers,
  fixedTerm,
  isGroupLabel,
  lessonText,
  readCoverageMap,
  readNotes,
  searchable,
  suggestTerm,
  type CoverageMap,
} from '../lib/lessons/coverage';
import { loadContent } from '../lib/lessons/loader';

const write = process.argv.includes('--write');
const notes = await readNotes();
if (!notes) {
  console.error(`no notes at ${NOTES_FILE}: the map is made from them`);
  process.exit(2);
}
const lessons = (await loadContent()).modules.flatMap((m) => m.lessons);
const texts = new Map(await Promise.all(lessons.map(async (l) => [l.slug, await lessonText(l)] as const)));
const old: CoverageMap = existsSync(COVERAGE_FILE) ? await readCoverageMap() : { sections: {} };

const map: CoverageMap = { sections: {} };
const changes: string[] = [];
const todo: string[] = [];
for (const section of notes) {
  const covering = lessons.filter((l) => covers(l, section.path)).map((l) => l.slug);
  const entry: CoverageMap['sections'][string] = { title: section.title, lessons: [...covering] };
  const before = old.sections[section.path];
  if (!before) changes.push(`+ ${section.path}`);
  else if (before.lessons.join() !== covering.join()) changes.push(`~ ${section.path}: lessons ${before.lessons.join(', ') || '(none)'} -> ${covering.join(', ') || '(none)'}`);
  if (section.bullets.length) entry.bullets = {};
  for (const bullet of section.bullets) {
    const previous = before?.bullets?.[bullet.key];
    const kept = previous?.term && searchable(bullet.text).includes(searchable(previous.term)) ? previous.term : undefined;
    // A group label ("Useful for:") needs no term of its own: its nested bullets carry its
    // content. It keeps one only if a human gave it one.
    const label = isGroupLabel(bullet.text) && !fixedTerm(bullet);
    const term = fixedTerm(bullet) ?? kept ?? (label ? undefined : suggestTerm(bullet, covering.map((slug) => texts.get(slug)!)));
    const saying = term ? covering.filter((slug) => texts.get(slug)!.includes(searchable(term))) : [];
    // No lesson says it: map every covering lesson, so the test names the gap to fix.
    const mapped = [...(saying.length ? saying : covering)];
    if ((!term && !label) || (term && !saying.length)) todo.push(`${section.path} ${bullet.key}: "${bullet.text}"${term ? ` (term "${term}")` : ''}`);
    entry.bullets![bullet.key] = term || !label ? { text: bullet.text, term: term ?? bullet.text.replace(/\*\*|`/g, ''), lessons: mapped } : { text: bullet.text, lessons: mapped };
    if (!previous) changes.push(`+ ${section.path} ${bullet.key}${term && !fixedTerm(bullet) ? ` (term "${term}": review it)` : ''}`);
    else if (previous.text !== bullet.text || previous.term !== entry.bullets![bullet.key]!.term || previous.lessons.join() !== mapped.join()) {
      changes.push(`~ ${section.path} ${bullet.key}`);
    }
  }
  map.sections[section.path] = entry;
}
for (const path of Object.keys(old.sections)) if (!map.sections[path]) changes.push(`- ${path}`);

if (todo.length) {
  console.log(`bullets no covering lesson says yet (edit the lesson, or the term in ${COVERAGE_FILE}):`);
  for (const line of todo) console.log(`  ${line}`);
}
if (changes.length === 0) {
  console.log(`${COVERAGE_FILE} is up to date`);
  process.exit(0);
}
console.log(changes.join('\n'));
if (!write) {
  console.log(`${changes.length} change(s); run with --write to apply them`);
  process.exit(1);
}
const doc = new Document(map);
// Lesson lists on one line: the file is read by people checking which lesson teaches what.
visit(doc, { Seq: (_, node) => void (isSeq(node) && (node.flow = true)) });
doc.commentBefore = ' Which lessons teach each heading and bullet of the source notes\n' +
  ` (${NOTES_FILE.replace(/.*\/shared\//, '../shared/')}), checked by lib/lessons/coverage.test.ts.\n` +
  ' Made by `npx tsx scripts/coverage-map.ts --write`. Review new bullets\' `term`: the words of\n' +
  ' the bullet every mapped lesson must contain (a bold bullet\'s term is its bold text).';
await writeFile(COVERAGE_FILE, doc.toString({ lineWidth: 0, flowCollectionPadding: false }));
console.log(`wrote ${COVERAGE_FILE} (${changes.length} change(s))`);
