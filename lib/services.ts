// The process's long-lived services. server.ts (run by tsx) and Next's bundled route handlers
// load this file as two separate module copies in one process, so the instances live on
// globalThis: one Runs (with its in-flight creations), one Exams (with its deadline timers), one
// terminal hub and one watch over the sessions of open terminals for both.
import { DockerDriver } from '../sandbox/docker';
import { currentUser } from './auth';
import { Classes } from './classes';
import { db } from './db';
import { Exams } from './exams/attempts';
import { readEnv } from './env';
import { Recorder, Recordings } from './recordings';
import { Runs } from './runs';
import { SessionWatch } from './session-watch';
import { TerminalHub } from './terminals';

const processGlobal = globalThis as typeof globalThis & { netdojoRuns?: Runs; netdojoTerminals?: TerminalHub; netdojoSessions?: SessionWatch; netdojoExams?: Exams; netdojoClasses?: Classes; netdojoRecorder?: Recorder };

export function runs(): Runs {
  return (processGlobal.netdojoRuns ??= new Runs({
    db,
    driver: new DockerDriver(),
    limits: readEnv().limits,
    onFinish: (runId) => terminals().closeRun(runId),
    onGraded: (runId, grade) => terminals().mark(runId, `Check ${grade.score}/${grade.maxScore}`),
  }));
}

export function terminals(): TerminalHub {
  return (processGlobal.netdojoTerminals ??= new TerminalHub(new DockerDriver(), undefined, recorder()));
}

export function sessionWatch(): SessionWatch {
  return (processGlobal.netdojoSessions ??= new SessionWatch(async (cookie) => (await currentUser(new Headers({ cookie })))?.id ?? null));
}

export function exams(): Exams {
  return (processGlobal.netdojoExams ??= new Exams({ db, runs: runs(), onClose: (runId) => terminals().closeRun(runId) }));
}

export function classes(): Classes {
  return (processGlobal.netdojoClasses ??= new Classes({ db, runs: runs() }));
}

export function recorder(): Recorder {
  return (processGlobal.netdojoRecorder ??= new Recorder(readEnv().recordings));
}

/** Reading recordings back is authorised per run; a fresh reader per call costs nothing. */
export function recordings(): Recordings {
  return new Recordings({ runs: runs(), dir: readEnv().recordings.dir });
}
