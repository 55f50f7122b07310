/** Socket errors of a database that refuses, drops or does not answer a connection: all pass once it is back. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/**
 * PostgreSQL's own: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down) and
 * too_many_connections (every node reconnecting at once after a restart); class 08 is handled by its prefix.
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What node-postgres and its pool throw, without a code, when a connection is lost or cannot be had in time. */
const PG_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
];

/** How deep to look into causes and aggregated errors: Node wraps at most a level or two. */
const MAX_DEPTH = 3;

/**
 * True when an error says the database could not be reached or went away, not that the query was wrong: nothing of
 * the transaction was stored (or it was, and a retry by client id finds it), so the same request may be sent again.
 */
export function isUnavailable(error: unknown): boolean {
  return unavailableAt(error, 0);
}

function unavailableAt(error: unknown, depth: number): boolean {
  if (typeof error !== 'object' || error === null || depth > MAX_DEPTH) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || POSTGRES_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
    // SQLite's busy timeout ran out behind another writer: the same write succeeds once that one is done.
    if (code.startsWith('SQLITE_BUSY')) return true;
  }
  if (typeof message === 'string' && PG_MESSAGES.some((known) => message.includes(known))) return true;
  // Connecting to a name with several addresses fails with an AggregateError of one error per address.
  if (Array.isArray(errors) && errors.some((inner) => unavailableAt(inner, depth + 1))) return true;
  return unavailableAt(cause, depth + 1);
}
