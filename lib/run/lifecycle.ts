// A run's lifecycle: its statuses, the one table of the moves between them, the row's shape and
// its conversion to the domain's RunView. lib/runs.ts is the only code that moves a run, and it
// does so through moveRun() below, so a move the table does not allow cannot happen:
//
//   creating ──> ready ──> ended      (the student pressed End or Reset, or the exam ended)
//      │           └─────> expired    (its time limit passed, or it idled; the reaper ended it)
//      └─────────────────> failed     (the sandbox or the lab's setup failed)
import { z } from 'zod';
import type { Prisma } from '../../generated/prisma/client';
import type { RunNode } from '../../sandbox/driver';
import type { Db } from '../db';
import type { Params } from '../labs/params';

export const RunStatus = z.enum(['creating', 'ready', 'ended', 'expired', 'failed']);
export type RunStatus = z.infer<typeof RunStatus>;
/** Where a run is, for the player: a start's steps (lib/lab-runs.ts's StartStage), then its status. */
export const RunStage = z.enum(['queued', 'probing', 'nodes', 'setup', 'ready', 'ended', 'expired', 'failed']);
export type RunStage = z.infer<typeof RunStage>;
export const LIVE: RunStatus[] = ['creating', 'ready'];

const NodesJson = z.array(z.object({
  name: z.string(),
  addresses: z.array(z.object({ network: z.string(), subnet: z.string(), address: z.string() })),
}));
const ParamsJson = z.record(z.string(), z.string());

export const runSelect = {
  id: true,
  userId: true,
  labId: true,
  status: true,
  stage: true,
  stageDetail: true,
  error: true,
  attemptId: true,
  questionId: true,
  attempt: { select: { examId: true, mode: true, status: true } },
  params: true,
  nodes: true,
  expiresAt: true,
  createdAt: true,
  destroyedAt: true,
} satisfies Prisma.RunSelect;
export type RunRow = Prisma.RunGetPayload<{ select: typeof runSelect }>;

export interface RunView {
  id: string;
  userId: string | null;
  labId: string;
  status: RunStatus;
  stage: RunStage;
  stageDetail: string;
  error: string | null;
  /** Set when the run is an exam question's sandbox: the attempt's rules apply. */
  exam: RunExam | null;
  params: Params;
  nodes: Omit<RunNode, 'hostPid'>[];
  expiresAt: Date;
  createdAt: Date;
}

export interface RunExam {
  attemptId: string;
  examId: string;
  questionId: string;
  mode: 'timed' | 'practice';
  /** False once the attempt is being graded or graded: its sandboxes take no more work. */
  active: boolean;
}

export function toView(row: RunRow): RunView {
  return {
    id: row.id,
    userId: row.userId,
    labId: row.labId,
    status: RunStatus.parse(row.status),
    // Runs recorded before stages were typed carry English text: shown as queued.
    stage: RunStage.catch('queued').parse(row.stage),
    stageDetail: row.stageDetail,
    error: row.error,
    exam: row.attemptId && row.attempt && row.questionId
      ? { attemptId: row.attemptId, examId: row.attempt.examId, questionId: row.questionId, mode: row.attempt.mode === 'timed' ? 'timed' : 'practice', active: row.attempt.status === 'active' }
      : null,
    params: ParamsJson.parse(JSON.parse(row.params)),
    nodes: NodesJson.parse(JSON.parse(row.nodes)),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}


/** The moves a run's status may make; everything else is refused. */
const MOVES: Record<RunStatus, RunStatus[]> = {
  creating: ['ready', 'failed', 'ended', 'expired'],
  ready: ['ended', 'expired'],
  ended: [],
  expired: [],
  failed: [],
};

/** The statuses a run may be in to move to `to`. */
export function movesTo(to: RunStatus): RunStatus[] {
  return RunStatus.options.filter((from) => MOVES[from].includes(to));
}

/**
 * Moves the runs `where` selects to `to`, from whichever status the table allows; a run in any
 * other status is left alone. Returns how many moved. The stage follows the status.
 */
export async function moveRun(db: Db, where: Prisma.RunWhereInput, to: RunStatus, data: Omit<Prisma.RunUpdateManyMutationInput, 'status'> = {}): Promise<number> {
  const { count } = await db.run.updateMany({ where: { ...where, status: { in: movesTo(to) } }, data: { stage: to, stageDetail: '', ...data, status: to } });
  return count;
}
