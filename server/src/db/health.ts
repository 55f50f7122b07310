import { sql } from 'kysely';
import type { Store } from './database.js';

/** How long the database has to answer `/healthz`'s probe before it counts as not answering. */
export const PROBE_TIMEOUT_MS = 2000;

const DIALECT_NAMES: Record<Store['dialect'], string> = { postgres: 'PostgreSQL', sqlite: 'SQLite' };

/** What is wrong with the database, for `/healthz`: undefined when a trivial query answers in time. */
export async function databaseProblem(store: Pick<Store, 'db' | 'dialect'>, timeoutMs = PROBE_TIMEOUT_MS): Promise<string | undefined> {
  const name = DIALECT_NAMES[store.dialect];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${name} did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  const probe = sql`select 1`.execute(store.db).then(
    () => undefined,
    (error: unknown) => `${name} does not answer: ${describe(error)}`,
  );
  try {
    return await Promise.race([probe, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The error's own words; an AggregateError (one per address tried) has none, so its parts speak instead. */
function describe(error: unknown): string {
  if (error instanceof AggregateError && !error.message) return error.errors.map(describe).join('; ');
  return error instanceof Error ? error.message : String(error);
}
