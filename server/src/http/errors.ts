import { type ErrorBody, type ErrorCode, type Problem, describeZodError } from '@ettor/protocol';
import type { z } from 'zod';
import { isUnavailable } from '../db/unavailable.js';

/** A refusal the client can act on; boundaries turn it into `{ error: { code, message } }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static from(problem: Problem): AppError {
    return new AppError(problem.code, problem.message);
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Validates untrusted input against a protocol schema, throwing a validation error that names the field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('validation_failed', describeZodError(result.error));
  return result.data;
}

/** Anything thrown, as a client is told it: an AppError as it is, a database that did not answer as `unavailable`, else `internal`. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (isUnavailable(error)) return new AppError('unavailable', 'The database did not answer; nothing was stored. Try again in a moment.');
  return new AppError('internal', 'Something went wrong on the server; try again.');
}
