// Errors a user can act on. Each carries a code; httpStatus() is the one place codes become HTTP
// statuses, so route handlers and the WebSocket upgrade answer alike.
import type { z } from 'zod';
import type { LabRunError } from './lab-runs';
import type { SandboxError } from '../sandbox/driver';

export type ErrorCode =
  | 'Unauthenticated'
  | 'Forbidden'
  | 'NotFound'
  | 'BadRequest'
  | 'ActiveRunExists'
  | 'TooManyRuns'
  | 'SlowDown'
  | 'TooLarge'
  | 'OutOfCapacity'
  | 'RunNotReady'
  | 'RunEnded'
  | 'LabUnavailable'
  | 'SandboxFailed';

const STATUS: Record<ErrorCode, number> = {
  Unauthenticated: 401,
  Forbidden: 403,
  NotFound: 404,
  BadRequest: 400,
  ActiveRunExists: 409,
  TooManyRuns: 429,
  SlowDown: 429,
  TooLarge: 413,
  OutOfCapacity: 503,
  RunNotReady: 409,
  RunEnded: 410,
  LabUnavailable: 422,
  SandboxFailed: 502,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Safe to show the user: e.g. the id of the run that is already active. */
    readonly details: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * Whether `error` is an instance of the named class. By name, not instanceof: server.ts (tsx) and
 * Next's bundle each load their own copy of lib/, and one process mixes objects of both.
 */
function isA<T extends Error>(error: unknown, name: string): error is T {
  return error instanceof Error && error.name === name;
}

export function isAppError(error: unknown): error is AppError {
  return isA<AppError>(error, 'AppError') && typeof (error as AppError).code === 'string' && (error as AppError).code in STATUS;
}

/** The user-facing form of any error; unknown errors are logged and hidden. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  if (isA<z.ZodError>(error, 'ZodError')) return new AppError('BadRequest', `bad request: ${error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`);
  if (isA<LabRunError>(error, 'LabRunError')) return new AppError(error.code === 'LabRefused' ? 'LabUnavailable' : 'SandboxFailed', error.message);
  if (isA<SandboxError>(error, 'SandboxError')) {
    if (error.code === 'RunNotFound') return new AppError('RunEnded', 'This lab\'s sandbox no longer exists; start the lab again.');
    if (error.code === 'FileNotFound') return new AppError('NotFound', error.message);
    if (error.code === 'NodeNotFound') return new AppError('NotFound', error.message);
    if (error.code === 'BadPath') return new AppError('BadRequest', error.message);
    if (error.code === 'OutOfSubnets') return new AppError('OutOfCapacity', 'All sandboxes are busy, try again in a minute.');
    // The engine's own words may name host paths and ids: the log gets them, the student does not.
    console.error('[netdojo] sandbox engine error:', error.message);
    return new AppError('SandboxFailed', 'The sandbox engine could not do that; try again, and if it keeps failing, reset the lab. The details are in the server log.');
  }
  console.error('[netdojo] unexpected error:', error);
  return new AppError('SandboxFailed', 'Something went wrong on the server; it has been logged.');
}

export function httpStatus(error: AppError): number {
  return STATUS[error.code];
}

/** The JSON body every API error has. */
export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...error.details } };
}
