// The netdojo CLI as an instructor runs it: list, lint with located errors, check with --json.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..');
const netdojo = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'netdojo.mjs'), ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });

describe('netdojo lab', () => {
  it('lists the labs as JSON', () => {
    const result = netdojo('lab', 'list', '--json');
    assert.equal(result.status, 0, result.stderr);
    const labs = JSON.parse(result.stdout) as { id: string }[];
    assert.ok(labs.some((l) => l.id === 'netns-veth'));
  });

  it('lints a broken lab with file:line:col and exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-lint-'));
    const labDir = join(dir, 'broken');
    spawnSync('mkdir', [labDir]);
    writeFileSync(join(labDir, 'lab.yaml'), 'id: broken\ntitle: Broken\nbogus: 1\n');
    const result = netdojo('lab', 'lint', labDir);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /lab\.yaml:\d+:\d+: /);
  });

  it('grades a student script and prints the Grade as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nd-student-'));
    const script = join(dir, 'half.sh');
    // Half a solution: the namespaces exist, nothing else.
    writeFileSync(script, 'ip netns add red\nip netns add blue\necho made-namespaces\n');
    const result = netdojo('lab', 'check', 'netns-veth', '--student', script, '--json');
    assert.equal(result.status, 0, result.stderr);
    const report = JSON.parse(result.stdout) as {
      lab: string; score: number; maxScore: number;
      tasks: { id: string; passed: boolean; status: string; message: string; points: number }[];
      student: { node: string; exitCode: number; output: string }[];
    };
    assert.equal(report.lab, 'netns-veth');
    assert.ok(report.score < report.maxScore);
    assert.ok(report.tasks.some((t) => t.passed) && report.tasks.some((t) => !t.passed));
    assert.deepEqual(report.student.map((s) => [s.node, s.exitCode]), [['node01', 0]]);
    assert.match(report.student[0]!.output, /made-namespaces/);
  });

  it('refuses to grade a lab that does not exist, with a message', () => {
    const result = netdojo('lab', 'check', 'no-such-lab', '--student', '/dev/null');
    assert.notEqual(result.status, 0);
    assert.match(result.stderr, /netdojo: /);
  });
});

describe('netdojo exam', () => {
  it('lists and lints the exams in exams/', () => {
    const list = netdojo('exam', 'list');
    assert.equal(list.status, 0, list.stderr);
    assert.match(list.stdout, /first-try\s+5 questions/);
    const lint = netdojo('exam', 'lint');
    assert.equal(lint.status, 0, lint.stderr);
    assert.match(lint.stdout, /0 error\(s\)/);
  });

  it('verifies every question of an exam on real sandboxes: unsolved fails, the solutions pass', () => {
    const result = netdojo('exam', 'verify', 'first-try', '--repeat', '2');
    assert.equal(result.status, 0, result.stdout + result.stderr);
    assert.equal((result.stdout.match(/^ok {3}first-try\//gm) ?? []).length, 5, result.stdout);
  });
});
