import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadAllLabs } from '../labs/loader';
import { loadContent } from './loader';
import { Question } from './schema';

describe('content', async () => {
  const catalogue = await loadContent();
  const lessons = catalogue.modules.flatMap((m) => m.lessons);

  it('loads every module, lesson and quiz without errors', () => {
    assert.deepEqual(catalogue.errors, []);
  });

  it('links only to labs that exist, and every lab to a lesson that exists', async () => {
    const labs = (await loadAllLabs()).flatMap((r) => (r.lab ? [r.lab] : []));
    const labIds = new Set(labs.map((l) => l.id));
    for (const lesson of lessons) for (const lab of lesson.labs) assert.ok(labIds.has(lab), `${lesson.slug} links to unknown lab ${lab}`);
    const slugs = new Set(lessons.map((l) => l.slug));
    for (const lab of labs) {
      const module = catalogue.modules.find((m) => m.number === lab.module);
      if (module?.lessons.length) assert.ok(slugs.has(lab.lesson), `lab ${lab.id} names lesson ${lab.lesson}, which module ${lab.module} lacks`);
    }
  });

  it('refers only to diagrams that exist', () => {
    for (const lesson of lessons) {
      for (const [, src] of lesson.body.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)) {
        assert.ok(!/^https?:/.test(src!), `${lesson.slug}: ${src} would load from the network`);
        assert.ok(existsSync(join(lesson.file, '..', src!)), `${lesson.slug}: missing ${src}`);
      }
    }
  });
});

describe('capture blocks', () => {
  // A module built in a temporary folder from a real lesson's quiz, with one good capture block
  // and three broken ones.
  const root = mkdtempSync(join(tmpdir(), 'netdojo-content-'));
  const dir = join(root, '01-test');
  mkdirSync(join(dir, 'captures'), { recursive: true });
  writeFileSync(join(dir, 'module.yaml'), 'number: 1\ntitle: Test\nsummary: A test module.\n');
  cpSync('content/01-linux-networking/nat.quiz.yaml', join(dir, 'demo.quiz.yaml'));
  cpSync('content/01-linux-networking/captures/node-links.yaml', join(dir, 'captures', 'node-links.yaml'));
  cpSync('content/01-linux-networking/captures/node-links.out.yaml', join(dir, 'captures', 'node-links.out.yaml'));
  writeFileSync(join(dir, 'captures', 'uncaptured.yaml'), 'description: d\nsteps:\n  - run: ip link\n');
  writeFileSync(join(dir, 'demo.md'), [
    '---', 'slug: demo', 'title: Demo', 'summary: A demo.', 'order: 1', 'minutes: 5', 'topics: [linux-networking-basics/switching]', '---',
    '', '```capture', 'node-links', '```', '', '```capture', 'missing', '```', '', '```capture', 'uncaptured', '```', '',
    '```capture', 'two names', '```', '',
  ].join('\n'));

  it('reports each block without a current output, with its line, and still loads the lesson', async () => {
    const catalogue = await loadContent(root);
    assert.equal(catalogue.modules[0]!.lessons.length, 1);
    const file = join(dir, 'demo.md');
    assert.equal(catalogue.errors.length, 3, catalogue.errors.join('\n'));
    assert.match(catalogue.errors[0]!, new RegExp(`^${file}:14: capture "missing": .*missing\\.yaml: no such capture`));
    assert.match(catalogue.errors[1]!, new RegExp(`^${file}:18: capture "uncaptured": .*not captured yet`));
    assert.match(catalogue.errors[2]!, new RegExp(`^${file}:22: a capture block holds exactly one capture name`));
  });
});

describe('lab links', () => {
  // A module whose lessons link, in front matter or in the text, to a lab of a temporary labs/
  // folder and to labs that are not there.
  const root = mkdtempSync(join(tmpdir(), 'netdojo-content-'));
  const labsRoot = mkdtempSync(join(tmpdir(), 'netdojo-labs-'));
  const dir = join(root, '03-test');
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(labsRoot, 'real-lab'));
  writeFileSync(join(labsRoot, 'real-lab', 'lab.yaml'), 'id: real-lab\n');
  mkdirSync(join(labsRoot, 'empty-folder'));
  writeFileSync(join(dir, 'module.yaml'), 'number: 3\ntitle: Test\nsummary: A test module.\n');
  const lesson = (slug: string, labs: string[], body: string[]) => {
    cpSync('content/01-linux-networking/nat.quiz.yaml', join(dir, `${slug}.quiz.yaml`));
    writeFileSync(join(dir, `${slug}.md`), [
      '---', `slug: ${slug}`, 'title: Demo', 'summary: A demo.', 'order: 1', 'minutes: 5', ...labs, 'topics: [linux-networking-basics/switching]', '---',
      '', ...body, '',
    ].join('\n'));
  };
  lesson('good', ['labs: [real-lab]'], ['Practise it in [the lab](/labs/real-lab).']);
  lesson('flow', ['labs: [real-lab, ghost-lab]'], ['Text.']);
  lesson('block', ['labs:', '  - real-lab', '  - empty-folder'], ['Text.']);
  lesson('prose', [], ['Some text.', '', 'Then [a lab that is planned](/labs/vanished "tooltip") and more.']);

  it('rejects a lesson that links to a lab not in labs/, at the line of the link', async () => {
    const catalogue = await loadContent(root, labsRoot);
    assert.deepEqual(catalogue.modules[0]!.lessons.map((l) => l.slug), ['good']);
    const problems = catalogue.errors.toSorted();
    assert.equal(problems.length, 3, problems.join('\n'));
    assert.equal(problems[0], `${join(dir, 'block.md')}:9: labs: no lab "empty-folder" in ${labsRoot}`);
    assert.equal(problems[1], `${join(dir, 'flow.md')}:7: labs: no lab "ghost-lab" in ${labsRoot}`);
    assert.equal(problems[2], `${join(dir, 'prose.md')}:12: a link to /labs/vanished, but there is no lab "vanished" in ${labsRoot}`);
  });
});

describe('quiz schema', () => {
  it('rejects an answer key that points past the options', () => {
    const bad = Question.safeParse({ id: 'q', kind: 'single', prompt: 'p', options: ['a', 'b'], answer: [2], explanation: 'e' });
    assert.equal(bad.success, false);
  });

  it('rejects a single-choice question with two answers', () => {
    assert.equal(Question.safeParse({ id: 'q', kind: 'single', prompt: 'p', options: ['a', 'b'], answer: [0, 1], explanation: 'e' }).success, false);
  });
});
