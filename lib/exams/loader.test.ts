// Exam files: the ones in exams/ load against the labs in labs/, and broken ones get located
// messages (file:line:col) that say what to fix.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { formatLabError, loadAllLabs } from '../labs/loader';
import { loadAllExams, loadExam, questionLab } from './loader';
import { examJsonSchema, EXAM_SCHEMA_FILE } from './json-schema';
import { readFileSync } from 'node:fs';

const labs = new Map((await loadAllLabs()).flatMap((r) => (r.lab ? [[r.lab.id, r.lab] as const] : [])));
const scratch = await mkdtemp(join(tmpdir(), 'netdojo-exams-'));
after(() => rm(scratch, { recursive: true, force: true }));

async function examFile(name: string, text: string) {
  const dir = join(scratch, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'exam.yaml'), text);
  const result = await loadExam(dir, labs);
  return result.errors.map((e) => formatLabError(e, dir));
}

const HEAD = `id: NAME
title: T
summary: S
description: D
durationMinutes: 30
passPercent: 60
`;

describe('exam files', () => {
  it('in exams/ all load, and exams/schema.json is up to date', async () => {
    const results = await loadAllExams(labs);
    assert.ok(results.length >= 1);
    assert.deepEqual(results.flatMap((r) => r.errors.map((e) => formatLabError(e))), []);
    assert.ok(readFileSync(EXAM_SCHEMA_FILE, 'utf8') === examJsonSchema(), 'exams/schema.json is stale: run npx tsx lib/exams/json-schema.ts --write');
  });

  it('in exams/ include a short first try and two of 15 or more questions, each from every module that has labs', async () => {
    const exams = (await loadAllExams(labs)).flatMap((r) => (r.exam ? [r.exam] : []));
    assert.ok(exams.some((e) => e.questions.length === 5), 'a five-question first try');
    const long = exams.filter((e) => e.questions.length >= 15);
    assert.ok(long.length >= 2, `${long.length} exams of 15+ questions`);
    const modules = new Set([...labs.values()].map((l) => l.module));
    for (const exam of long) {
      const drawn = new Set(exam.questions.map((q) => labs.get(q.lab)!.module));
      assert.deepEqual([...modules].filter((m) => !drawn.has(m)), [], `${exam.id} leaves out modules`);
      assert.ok(new Set(exam.questions.map((q) => q.domain)).size >= 4, `${exam.id} has a breakdown by domain`);
    }
  });

  it('with schema errors get located messages, with a suggestion for a misspelt key', async () => {
    const errors = await examFile('schema', `${HEAD.replace('NAME', 'schema')}questions:
  - id: q1
    lab: routing-gateway
    wieght: 2
  - id: Q2
    lab: netns-veth
    domain: Containers
`);
    assert.deepEqual(errors, [
      'exam.yaml:8:5: missing key "domain"',
      'exam.yaml:10:5: unknown key "wieght"; did you mean "weight"?',
      'exam.yaml:11:9: lowercase letters, digits and dashes',
    ]);
  });

  it('that name missing labs or tasks, repeat ids or leave out a needed task are refused', async () => {
    const errors = await examFile('rules', `${HEAD.replace('NAME', 'other-name')}questions:
  - id: q1
    lab: no-such-lab
    domain: DNS
  - id: q1
    lab: netns-veth
    tasks: [ping, bogus]
    domain: Containers
`);
    assert.deepEqual(errors, [
      'exam.yaml:1:5: id "other-name" must equal the exam\'s folder name "rules"',
      'exam.yaml:9:10: no lab "no-such-lab" in labs/ (or it has lint errors: netdojo lab lint)',
      'exam.yaml:11:9: duplicate question id "q1"',
      'exam.yaml:13:5: task "ping" needs "addresses", "links-up": list it in this question\'s tasks too',
      'exam.yaml:13:19: lab "netns-veth" has no task "bogus"; its tasks are namespaces, veth, addresses, links-up, ping',
    ]);
  });

  it('grade only the chosen tasks of a lab, with the attempts that are about them', () => {
    const lab = labs.get('netns-veth')!;
    const chosen = questionLab(lab, { id: 'q', lab: lab.id, tasks: ['namespaces', 'veth'], weight: 1, domain: 'x' });
    assert.deepEqual(chosen.tasks.map((t) => t.id), ['namespaces', 'veth']);
    assert.ok(chosen.attempts.every((a) => Object.keys(a.expect).every((id) => id === 'namespaces' || id === 'veth')));
    assert.equal(questionLab(lab, { id: 'q', lab: lab.id, weight: 1, domain: 'x' }), lab);
  });
});
