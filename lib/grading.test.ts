import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeDriver } from '../sandbox/fake';
import { gradeTasks, type GradedTask } from './grading';

const task = (id: string, script: string, extra: Partial<GradedTask> = {}): GradedTask => ({
  id,
  title: `Task ${id}`,
  points: 2,
  needs: [],
  check: { node: 'node01', script, timeoutSeconds: 5, retries: 0, retryDelaySeconds: 0 },
  ...extra,
});

async function gradeWith(respond: ConstructorParameters<typeof FakeDriver>[0], tasks: GradedTask[]) {
  const driver = new FakeDriver(respond);
  const run = await driver.createRun({ nodes: [{ name: 'node01' }], ttlSeconds: 60 });
  return { grade: await gradeTasks(driver, run.id, tasks), driver };
}

describe('gradeTasks', () => {
  it('scores passed tasks and shows the last line of each check', async () => {
    const { grade } = await gradeWith(({ command }) => (command === 'a' ? { stdout: 'looking\nred reaches blue\n\n' } : { exitCode: 1, stdout: 'expected 192.168.15.2/24 on veth-blue, found none' }), [task('a', 'a'), task('b', 'b')]);
    assert.equal(grade.score, 2);
    assert.equal(grade.maxScore, 4);
    assert.deepEqual(grade.tasks.map((t) => [t.status, t.message]), [
      ['passed', 'red reaches blue'],
      ['failed', 'expected 192.168.15.2/24 on veth-blue, found none'],
    ]);
  });

  it('reports a check that times out or crashes as broken, not as the student failing', async () => {
    const { grade } = await gradeWith(({ command }) => (command === 'slow' ? { exitCode: 124, timedOut: true } : { exitCode: 127, stderr: 'jq: command not found' }), [task('slow', 'slow'), task('crash', 'crash')]);
    assert.deepEqual(grade.tasks.map((t) => t.status), ['error', 'error']);
    assert.match(grade.tasks[0]!.message, /timed out after 5 s/);
    assert.match(grade.tasks[1]!.message, /exited 127: jq: command not found/);
  });

  it('retries a failing check to let the state converge', async () => {
    let calls = 0;
    const { grade } = await gradeWith(() => (++calls < 3 ? { exitCode: 1 } : {}), [task('a', 'a', { check: { node: 'node01', script: 'a', timeoutSeconds: 5, retries: 2, retryDelaySeconds: 0 } })]);
    assert.equal(calls, 3);
    assert.equal(grade.tasks[0]!.status, 'passed');
  });

  it('does not run a task whose prerequisites failed, and names them', async () => {
    const { grade, driver } = await gradeWith(({ command }) => (command === 'first' ? { exitCode: 1 } : {}), [
      task('second', 'second', { needs: ['first'] }),
      task('first', 'first'),
    ]);
    assert.deepEqual(grade.tasks.map((t) => t.id), ['second', 'first'], 'results keep the lab order');
    assert.equal(grade.tasks[0]!.status, 'failed');
    assert.equal(grade.tasks[0]!.message, 'first complete: Task first');
    assert.deepEqual(driver.calls.map((c) => c.command), ['first']);
    assert.ok(driver.calls.every((c) => c.trusted), 'checks run in the trusted grader');
  });
});
