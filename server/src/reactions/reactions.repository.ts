import { REACTIONS, type Reaction, type ReactionCounts } from '@ettor/protocol';
import type { Queryable } from '../db/database.js';

function readRows(db: Queryable, sessionId: string) {
  return db.selectFrom('slide_reactions').select(['slide_id', 'reaction', 'count']).where('session_id', '=', sessionId);
}

export async function readSlideTotals(db: Queryable, sessionId: string, slideId: string): Promise<ReactionCounts> {
  const rows = await readRows(db, sessionId).where('slide_id', '=', slideId).execute();
  return totalsBySlide(rows).get(slideId) ?? {};
}

/** A session's reaction totals per slide, for its report. */
export async function readSessionTotals(db: Queryable, sessionId: string): Promise<Map<string, ReactionCounts>> {
  return totalsBySlide(await readRows(db, sessionId).execute());
}

/** Rows of slide_reactions as counts per slide; a reaction this version does not know is left out. */
function totalsBySlide(rows: readonly { slide_id: string; reaction: string; count: number | string }[]): Map<string, ReactionCounts> {
  const bySlide = new Map<string, ReactionCounts>();
  for (const { slide_id: slideId, reaction, count } of rows) {
    if (!(REACTIONS as readonly string[]).includes(reaction)) continue;
    const counts = bySlide.get(slideId) ?? {};
    counts[reaction as Reaction] = Number(count);
    bySlide.set(slideId, counts);
  }
  return bySlide;
}
