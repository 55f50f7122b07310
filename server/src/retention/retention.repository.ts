import type { Queryable } from '../db/database.js';

/** Sessions that ended before the cutoff and still hold their answers; live sessions never qualify. */
export async function findSessionsDue(db: Queryable, cutoff: string): Promise<string[]> {
  const rows = await db
    .selectFrom('live_sessions')
    .select('id')
    .where('status', '=', 'ended')
    .where('ended_at', '<', cutoff)
    .where('answers_purged_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Marks a session's answers deleted, if it is still due; false when it is not (another node got there first, or
 * it was deleted). Run first in the purge's transaction, so the row's lock keeps two nodes from purging it at once.
 */
export async function markAnswersPurged(db: Queryable, sessionId: string, cutoff: string, purgedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('live_sessions')
    .set({ answers_purged_at: purgedAt })
    .where('id', '=', sessionId)
    .where('status', '=', 'ended')
    .where('ended_at', '<', cutoff)
    .where('answers_purged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
