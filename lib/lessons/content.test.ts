// Every lesson renders on the server the way the lesson page shows it: no missing or stale
// captured output, no callout or capture block left raw, headings to navigate by, a diagram,
// and a quiz. (The page itself is driven in a real browser by tests/web/student.test.ts.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findLesson, lessonCatalogue, renderLesson } from './content';

const { modules, errors } = await lessonCatalogue();

describe('every lesson renders', () => {
  it('loads without errors, six modules', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(modules.map((m) => m.number), [1, 2, 3, 4, 5, 6]);
  });

  for (const module of modules) {
    for (const lesson of module.lessons) {
      it(`${module.number}/${lesson.slug}`, async () => {
        const { html, headings } = await renderLesson(lesson, module.dir);
        assert.ok(!html.includes('capture-missing'), `${lesson.slug}: a captured output is missing or stale:\n${/capture-missing">([^<]*)/.exec(html)?.[1]}`);
        assert.ok(!/\[!(NOTE|TIP|WARNING|PITFALL)\]/.test(html), `${lesson.slug}: a callout marker was left raw`);
        assert.ok(!/<code class="language-capture">/.test(html), `${lesson.slug}: a capture block was not rendered`);
        assert.ok(headings.filter((h) => h.depth === 2).length >= 3, `${lesson.slug}: fewer than three sections`);
        assert.ok(/<img src="\/content\/[^"]+\.svg"/.test(html), `${lesson.slug}: no diagram`);
        assert.ok(lesson.quiz.questions.length >= 4 && lesson.quiz.questions.length <= 6);
        const entry = await findLesson(lesson.slug);
        assert.equal(entry.lesson.slug, lesson.slug);
      });
    }
  }
});

describe('the lesson renderer', () => {
  it('gives headings plain text for the table of contents, and anchors', async () => {
    const { renderMarkdown } = await import('../markdown');
    const { html, headings } = await renderMarkdown("## NodePort, and the client's `<address>`\n\n> [!TIP]\n> Use **ss**.\n");
    assert.deepEqual(headings, [{ id: 'nodeport-and-the-client-s-address', text: "NodePort, and the client's <address>", depth: 2 }]);
    assert.match(html, /<aside class="callout callout-tip"><div class="callout-title">Tip<\/div><p>Use <strong>ss<\/strong>.<\/p>/);
  });
});
