// The `netdojo` command line: lab authoring tools and sandbox housekeeping.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gradeLab, offeredTasks, refusal, runScript, startLab } from '../lib/lab-runs';
import { verifyLab } from '../lib/lab-verify';
import { drawParams, renderLab } from '../lib/labs/params';
import { formatLabError, loadAllLabs, loadLab, type LoadResult } from '../lib/labs/loader';
import type { Lab } from '../lib/labs/schema';
import { loadAllExams, questionLab, type ExamLoad } from '../lib/exams/loader';
import { DockerDriver } from '../sandbox/docker';
import { ensureEngine } from '../sandbox/engine';
import { probeKernelFeatures } from '../sandbox/kernel-features';

const USAGE = `usage:
  netdojo lab list [--json]                       the labs in labs/
  netdojo lab lint [PATH...]                      validate lab folders (default: all); exit 1 on errors
  netdojo lab verify ID... | --all [--repeat N]   setup fails every task, the solution passes every task,
                                                  every listed attempt gives its expected outcome
  netdojo lab check ID --student [NODE=]FILE ... [--json] [--seed N]
                                                  grade student scripts on a fresh sandbox
  netdojo exam list                               the exams in exams/
  netdojo exam lint                               validate exam files against their schema and labs
  netdojo exam verify ID... | --all [--repeat N]  each question: unsolved fails, the lab's solutions pass
  netdojo sandbox gc [--all]      remove runs that expired or whose server died (--all: every run)
  netdojo sandbox list            list the runs that exist on the engine
  netdojo sandbox probe           report which kernel features labs can use here
  netdojo user add EMAIL [--name NAME] [--role student|instructor|admin] (--password-stdin | --password P)
                                  create an account, or set an existing one's role (the first admin)
  netdojo user role EMAIL ROLE    change an account's role
  netdojo user list               accounts and their roles
The database is DATABASE_URL's (SQLite in data/ by default), as for npm start.`;

async function sandbox(command: string | undefined, args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { all: { type: 'boolean', default: false } } });
  await ensureEngine((line) => console.error(line));
  const driver = new DockerDriver();
  switch (command) {
    case 'gc': {
      const report = await driver.gc({ all: values.all });
      console.log(`removed ${report.runs.length} run(s): ${report.containers} container(s), ${report.networks} network(s)`);
      return 0;
    }
    case 'list': {
      for (const run of await driver.listRuns()) {
        const nodes = run.nodes.map((n) => `${n.name}=${n.addresses[0]?.address ?? '-'}`).join(' ');
        console.log(`${run.id}  expires ${run.expiresAt.toISOString()}  ${nodes}`);
      }
      return 0;
    }
    case 'probe': {
      const report = await probeKernelFeatures(driver, true);
      console.log(`kernel ${report.kernel}`);
      for (const [feature, ok] of Object.entries(report.features)) console.log(`  ${ok ? 'yes' : 'NO '}  ${feature}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

async function labsOrExit(ids: string[], all: boolean): Promise<Lab[]> {
  const results = all ? await loadAllLabs() : await Promise.all(ids.map((id) => loadLab(resolve('labs', id))));
  const broken = results.filter((r) => r.errors.length > 0);
  if (broken.length > 0 || results.length === 0) {
    for (const r of broken) r.errors.forEach((e) => console.error(formatLabError(e)));
    throw new Error(results.length === 0 ? 'name a lab, or use --all' : 'fix the lab files above first (netdojo lab lint)');
  }
  return results.map((r) => r.lab!);
}

/** `--student FILE` runs on the first node; `--student node02=FILE` on the node named. */
function studentScripts(lab: Lab, specs: string[]) {
  return specs.map((spec) => {
    const match = /^([a-z][a-z0-9-]*)=(.+)$/.exec(spec);
    const node = match && lab.sandbox.nodes.some((n) => n.name === match[1]) ? match[1]! : lab.sandbox.nodes[0]!.name;
    const file = match && node === match[1] ? match[2]! : spec;
    return { node, file, script: readFileSync(file, 'utf8') };
  });
}

/** The labs that load, by id: what exams may draw from. */
async function labMap(): Promise<Map<string, Lab>> {
  return new Map((await loadAllLabs()).flatMap((r) => (r.lab ? [[r.lab.id, r.lab] as const] : [])));
}

async function exam(command: string | undefined, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { all: { type: 'boolean', default: false }, repeat: { type: 'string', default: '2' } } });
  const labs = await labMap();
  const results = await loadAllExams(labs);
  const broken = (r: ExamLoad) => r.errors.forEach((e) => console.error(formatLabError(e)));
  switch (command) {
    case 'list': {
      for (const r of results) {
        if (!r.exam) console.log(`${r.dir}: ${r.errors.length} error(s), see netdojo exam lint`);
        else console.log(`${r.exam.id.padEnd(22)} ${String(r.exam.questions.length).padStart(2)} questions  ${String(r.exam.durationMinutes).padStart(3)} min  pass ${r.exam.passPercent}%  ${r.exam.title}`);
      }
      return 0;
    }
    case 'lint': {
      results.forEach(broken);
      const errors = results.reduce((n, r) => n + r.errors.length, 0);
      console.log(`${results.length} exam(s), ${errors} error(s)`);
      return errors ? 1 : 0;
    }
    case 'verify': {
      const chosen = values.all ? results : results.filter((r) => positionals.includes(r.exam?.id ?? ''));
      if (chosen.length === 0) throw new Error('name an exam, or use --all');
      const bad = chosen.filter((r) => !r.exam);
      if (bad.length) {
        bad.forEach(broken);
        throw new Error('fix the exam files above first (netdojo exam lint)');
      }
      await ensureEngine((line) => console.error(line));
      const driver = new DockerDriver();
      let failed = 0;
      for (const { exam } of chosen) {
        for (const question of exam!.questions) {
          const started = Date.now();
          const verdict = await verifyLab(driver, questionLab(labs.get(question.lab)!, question), { repeat: Number(values.repeat), attempts: false });
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          const name = `${exam!.id}/${question.id}`;
          if (verdict.refused) console.log(`SKIP ${name}: ${verdict.refused}`);
          else if (verdict.deviations.length === 0) console.log(`ok   ${name} (${seconds} s)`);
          else {
            failed++;
            console.log(`FAIL ${name} (${seconds} s)`);
            verdict.deviations.forEach((d) => console.log(`     ${name}: ${d}`));
          }
        }
      }
      return failed ? 1 : 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

async function lab(command: string | undefined, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      repeat: { type: 'string', default: '2' },
      student: { type: 'string', multiple: true, default: [] },
      seed: { type: 'string' },
    },
  });
  switch (command) {
    case 'list': {
      const results = await loadAllLabs();
      if (values.json) {
        console.log(JSON.stringify(results.map((r) => (r.lab ? { id: r.lab.id, title: r.lab.title, module: r.lab.module, difficulty: r.lab.difficulty, minutes: r.lab.minutes, nodes: r.lab.sandbox.nodes.length, tasks: r.lab.tasks.length } : { dir: r.dir, errors: r.errors.length })), null, 2));
      } else {
        for (const r of results) {
          console.log(r.lab ? `${r.lab.id.padEnd(22)} m${r.lab.module}  ${r.lab.difficulty.padEnd(12)} ${String(r.lab.tasks.length).padStart(2)} tasks  ${r.lab.title}` : `${r.dir}: ${r.errors.length} error(s), see netdojo lab lint`);
        }
      }
      return 0;
    }
    case 'lint': {
      const results: LoadResult[] = positionals.length ? await Promise.all(positionals.map((p) => loadLab(resolve(p)))) : await loadAllLabs();
      const errors = results.flatMap((r) => r.errors);
      errors.forEach((e) => console.error(formatLabError(e)));
      console.log(`${results.length} lab(s), ${errors.length} error(s)`);
      return errors.length ? 1 : 0;
    }
    case 'verify': {
      const labs = await labsOrExit(positionals, values.all);
      await ensureEngine((line) => console.error(line));
      const driver = new DockerDriver();
      let failed = 0;
      for (const lab of labs) {
        const started = Date.now();
        const verdict = await verifyLab(driver, lab, { repeat: Number(values.repeat) });
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        if (verdict.refused) console.log(`SKIP ${lab.id}: ${verdict.refused}`);
        else if (verdict.deviations.length === 0) console.log(`ok   ${lab.id} (${seconds} s)`);
        else {
          failed++;
          console.log(`FAIL ${lab.id} (${seconds} s)`);
          verdict.deviations.forEach((d) => console.log(`     ${lab.id}: ${d}`));
        }
        verdict.notOffered?.forEach((why) => console.log(`     ${lab.id}: not verified here: ${why}`));
      }
      return failed ? 1 : 0;
    }
    case 'check': {
      const [source] = await labsOrExit(positionals.slice(0, 1), false);
      if (!source || values.student.length === 0) throw new Error('usage: netdojo lab check ID --student [NODE=]FILE ...');
      await ensureEngine((line) => console.error(line));
      const driver = new DockerDriver();
      const kernel = await probeKernelFeatures(driver);
      const refused = refusal(source, kernel);
      if (refused) throw new Error(refused);
      const offered = offeredTasks(source, kernel);
      const params = drawParams(offered, values.seed === undefined ? { useDefaults: true } : { seed: Number(values.seed) });
      const rendered = renderLab(offered, params);
      const students = studentScripts(rendered, values.student);
      const run = await startLab(driver, rendered, { ttlSeconds: 900 });
      try {
        const student = [];
        for (const s of students) {
          const result = await runScript(driver, run.id, { node: s.node, script: s.script, timeoutSeconds: 300 });
          student.push({ node: s.node, exitCode: result.exitCode, output: (result.stdout + result.stderr).split('\n').slice(-30).join('\n') });
        }
        const grade = await gradeLab(driver, run.id, rendered);
        const report = {
          lab: rendered.id,
          params,
          score: grade.score,
          maxScore: grade.maxScore,
          tasks: grade.tasks.map(({ id, passed, status, message, points }) => ({ id, passed, status, message, points })),
          student,
        };
        if (values.json) console.log(JSON.stringify(report, null, 2));
        else {
          for (const s of report.student) console.log(`--- student script on ${s.node} (exit ${s.exitCode}) ---\n${s.output.trimEnd()}`);
          console.log(`${report.lab}: ${report.score}/${report.maxScore} points`);
          for (const t of report.tasks) console.log(`  ${t.passed ? 'PASS' : t.status === 'error' ? 'ERR ' : 'FAIL'}  ${t.id}: ${t.message}`);
        }
        return 0;
      } finally {
        await driver.destroyRun(run.id);
      }
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function user(command: string | undefined, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, role: { type: 'string', default: 'student' }, password: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
  });
  // Loaded here: the lab and sandbox commands need no database.
  const { Role, ensureAccount, setRole } = await import('../lib/auth');
  const roleOf = (text: string | undefined) => {
    const role = Role.safeParse(text);
    if (!role.success) throw new Error(`"${text}" is not a role: use student, instructor or admin`);
    return role.data;
  };
  const withArticle = (role: string) => `${/^[aeiou]/.test(role) ? 'an' : 'a'} ${role}`;
  const { db } = await import('../lib/db');
  try {
    switch (command) {
      case 'add': {
        const [email] = positionals;
        const password = values['password-stdin'] ? await readStdin() : values.password;
        if (!email || !password) throw new Error('give an EMAIL and --password-stdin (or --password)');
        const account = await ensureAccount({ email, password, name: values.name, role: roleOf(values.role) });
        console.log(`${account.email} is ${withArticle(account.role)}`);
        return 0;
      }
      case 'role': {
        const [email, role] = positionals;
        if (!email || !role) throw new Error('give an EMAIL and a ROLE (student, instructor or admin)');
        const account = await setRole(email, roleOf(role));
        console.log(`${account.email} is now ${withArticle(account.role)}`);
        return 0;
      }
      case 'list': {
        const users = await db.user.findMany({ orderBy: { createdAt: 'asc' }, select: { email: true, name: true, role: true } });
        for (const u of users) console.log(`${u.role.padEnd(10)} ${u.email}  (${u.name})`);
        return 0;
      }
      default:
        console.error(USAGE);
        return 2;
    }
  } finally {
    await db.$disconnect();
  }
}

const [area, command, ...rest] = process.argv.slice(2);
try {
  const commands: Record<string, (command: string | undefined, args: string[]) => Promise<number>> = { lab, exam, sandbox, user };
  process.exitCode = commands[area ?? ''] ? await commands[area!]!(command, rest) : (console.error(USAGE), 2);
} catch (err) {
  console.error(`netdojo: ${(err as Error).message}`);
  process.exitCode = 1;
}
