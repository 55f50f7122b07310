import { describeZodError } from '@ettor/protocol';
import type { z } from 'zod';
import { AppError } from '../http/errors.js';

/**
 * Reads a JSON column through its protocol schema, so a row written before a field existed reads with that
 * field's default. A row that no longer fits is an internal error naming the row, refused like any other
 * request, never a crash and never a half-read value passed on.
 */
export function readStoredJson<S extends z.ZodType>(schema: S, text: string, what: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('internal', `The stored ${what} is not JSON.`);
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new AppError('internal', `The stored ${what} does not fit this version of Ettor: ${describeZodError(parsed.error)}.`);
}
