// What the lab player page needs, shaped for the browser: the run, its lab rendered with the
// run's params (markdown to HTML here, on the server), hints (texts only once opened), the last
// grade and the files the editor offers. The same shapes come back from the JSON API.
import type { User } from './auth';
import { renderInline, renderMarkdown } from './markdown';
import type { GradeView, HintView } from './run/grading';
import type { RunView } from './run/lifecycle';
import type { Classes } from './classes';
import type { Runs } from './runs';

/** A value as it arrives over JSON: dates become ISO strings. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

export type WireRun = Wire<RunView>;
export type WireGrade = Wire<GradeView>;
export type WireHint = Omit<HintView, 'text'> & { html?: string };

export function wire<T>(value: T): Wire<T> {
  return JSON.parse(JSON.stringify(value)) as Wire<T>;
}

/** A hint for the browser: its markdown rendered, and only once opened. */
export function wireHint(hint: HintView): WireHint {
  const { text, ...rest } = hint;
  return text === undefined ? rest : { ...rest, html: renderInline(text) };
}

/** `classes`, when given, finds the assignment the run answers (the player then offers Submit). */
export async function playerData(runs: Runs, user: User, runId: string, classes?: Classes) {
  const run = await runs.get(user, runId);
  const assignment = classes && run.userId === user.id && !run.exam ? await classes.assignmentForRun(user, run.labId) : null;
  // Opening the player counts as activity (a staff member looking does too: harmless).
  await runs.touch(runId);
  const lab = await runs.labOf(run);
  const firstNode = lab.sandbox.nodes[0]!.name;
  const [description, tasks, hints, grade] = await Promise.all([
    renderMarkdown(lab.description),
    Promise.all(lab.tasks.map(async (t) => ({ id: t.id, title: renderInline(t.title), html: (await renderMarkdown(t.text)).html, points: t.points, needs: t.needs }))),
    runs.hints(user, runId),
    runs.latestGrade(user, runId),
  ]);
  return {
    run: wire(run),
    lab: {
      id: lab.id,
      title: lab.title,
      lesson: lab.lesson,
      descriptionHtml: description.html,
      tasks,
      editorFiles: lab.sandbox.editorFiles.map((f) => {
        const colon = f.indexOf(':');
        return f.startsWith('/') ? { node: firstNode, path: f } : { node: f.slice(0, colon), path: f.slice(colon + 1) };
      }),
    },
    hints: hints.map(wireHint),
    grade: grade ? wire(grade) : null,
    assignment: assignment ? wire({ id: assignment.id, className: assignment.className, dueAt: assignment.dueAt }) : null,
  };
}

export type PlayerData = Awaited<ReturnType<typeof playerData>>;
