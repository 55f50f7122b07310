import type { Queryable } from '../db/database.js';
import type { LiveSessionRow } from '../db/schema.js';

export function findSession(db: Queryable, id: string): Promise<LiveSessionRow | undefined> {
  return db.selectFrom('live_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOpenSessionByCode(db: Queryable, code: string): Promise<LiveSessionRow | undefined> {
  return db.selectFrom('live_sessions').selectAll().where('code', '=', code).where('status', '=', 'live').executeTakeFirst();
}

/** Whether a session with this code ended after the given time; codes are unique only among open sessions. */
export async function hasEndedSince(db: Queryable, code: string, since: string): Promise<boolean> {
  const row = await db
    .selectFrom('live_sessions')
    .select('id')
    .where('code', '=', code)
    .where('status', '=', 'ended')
    .where('ended_at', '>', since)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertSession(db: Queryable, row: LiveSessionRow): Promise<void> {
  await db.insertInto('live_sessions').values(row).execute();
}

/** Applies a change and bumps the sequence number every client orders states by. */
export async function updateSession(
  db: Queryable,
  id: string,
  changes: Partial<Pick<LiveSessionRow, 'status' | 'current_slide_id' | 'ended_at'>>,
): Promise<void> {
  await db
    .updateTable('live_sessions')
    .set((eb) => ({ ...changes, seq: eb('seq', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function bumpSeq(db: Queryable, id: string): Promise<void> {
  await updateSession(db, id, {});
}

export interface SlideState {
  closedAt: string | null;
  round: number;
}

/** A slide's voting state in a session; a slide nobody has touched is open, in round 0. */
export async function findSlideState(db: Queryable, sessionId: string, slideId: string): Promise<SlideState> {
  const row = await db
    .selectFrom('slide_states')
    .select(['closed_at', 'round'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .executeTakeFirst();
  return { closedAt: row?.closed_at ?? null, round: row?.round ?? 0 };
}

export async function writeClosedAt(db: Queryable, sessionId: string, slideId: string, closedAt: string | null): Promise<void> {
  await db
    .insertInto('slide_states')
    .values({ session_id: sessionId, slide_id: slideId, closed_at: closedAt, round: 0 })
    .onConflict((oc) => oc.columns(['session_id', 'slide_id']).doUpdateSet({ closed_at: closedAt }))
    .execute();
}

export async function startNextRound(db: Queryable, sessionId: string, slideId: string): Promise<void> {
  await db
    .insertInto('slide_states')
    .values({ session_id: sessionId, slide_id: slideId, closed_at: null, round: 1 })
    .onConflict((oc) => oc.columns(['session_id', 'slide_id']).doUpdateSet((eb) => ({ round: eb('slide_states.round', '+', 1), closed_at: null })))
    .execute();
}
