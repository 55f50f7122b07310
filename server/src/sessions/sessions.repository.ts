import type { Slide } from '@ettor/protocol';
import type { Queryable } from '../db/database.js';
import type { LiveSessionRow, PresentationRow } from '../db/schema.js';
import { readSlide } from '../presentations/presentations.repository.js';

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
  changes: Partial<
    Pick<
      LiveSessionRow,
      | 'status'
      | 'current_slide_id'
      | 'ended_at'
      | 'split'
      | 'reactions_off'
      | 'screen_black'
      | 'join_screen'
      | 'code_bar'
      | 'pace'
      | 'open_until'
    >
  >,
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
  /** When the round's countdown began; null before one did. */
  openedAt: string | null;
}

/** The state of a slide nobody has touched: open, in round 0. */
export const untouchedSlide: SlideState = { closedAt: null, round: 0, openedAt: null };

const shownSlideState = (row: { closed_at: string | null; round: number; opened_at: string | null; revealed: number }) => ({
  closedAt: row.closed_at,
  round: row.round,
  openedAt: row.opened_at,
  revealed: row.revealed === 1,
});

/** A slide's voting state in a session, and whether the presenter revealed its results in this round. */
export async function findSlideState(db: Queryable, sessionId: string, slideId: string): Promise<SlideState & { revealed: boolean }> {
  const row = await db
    .selectFrom('slide_states')
    .select(['closed_at', 'round', 'opened_at', 'revealed'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .executeTakeFirst();
  return row ? shownSlideState(row) : { ...untouchedSlide, revealed: false };
}

/** Every slide's voting state in a session that has one, by slide id; a slide left out is untouched. */
export async function listSlideStates(db: Queryable, sessionId: string): Promise<Map<string, SlideState & { revealed: boolean }>> {
  const rows = await db
    .selectFrom('slide_states')
    .select(['slide_id', 'closed_at', 'round', 'opened_at', 'revealed'])
    .where('session_id', '=', sessionId)
    .execute();
  return new Map(rows.map((row) => [row.slide_id, shownSlideState(row)]));
}

/** Reveals a slide's results for its current round, or hides them again. */
export async function writeRevealed(db: Queryable, sessionId: string, slideId: string, revealed: boolean): Promise<void> {
  const value = revealed ? 1 : 0;
  await db
    .insertInto('slide_states')
    .values({ session_id: sessionId, slide_id: slideId, closed_at: null, round: 0, revealed: value })
    .onConflict((oc) => oc.columns(['session_id', 'slide_id']).doUpdateSet({ revealed: value }))
    .execute();
}

/**
 * A session's status with the asked-for slides of its presentation and their voting states, in one read:
 * what a batch of answers is checked against. Undefined when there is no such session.
 */
export async function findSessionSlides(
  db: Queryable,
  sessionId: string,
  slideIds: readonly string[],
): Promise<
  | {
      status: LiveSessionRow['status'];
      openUntil: LiveSessionRow['open_until'];
      deck: Pick<PresentationRow, 'language' | 'filter_offensive'>;
      slides: { slide: Slide; state: SlideState }[];
    }
  | undefined
> {
  const rows = await db
    .selectFrom('live_sessions')
    .innerJoin('presentations', 'presentations.id', 'live_sessions.presentation_id')
    .leftJoin('slides', (join) =>
      join.onRef('slides.presentation_id', '=', 'live_sessions.presentation_id').on('slides.id', 'in', slideIds),
    )
    .leftJoin('slide_states', (join) =>
      join.onRef('slide_states.session_id', '=', 'live_sessions.id').onRef('slide_states.slide_id', '=', 'slides.id'),
    )
    .select([
      'live_sessions.status',
      'live_sessions.open_until',
      'presentations.language',
      'presentations.filter_offensive',
      'slides.id',
      'slides.data',
      'slide_states.closed_at',
      'slide_states.round',
      'slide_states.opened_at',
    ])
    .where('live_sessions.id', '=', sessionId)
    .execute();
  const [first] = rows;
  if (!first) return undefined;
  const slides = rows.flatMap((row) =>
    row.id === null || row.data === null
      ? []
      : [
          {
            slide: readSlide({ id: row.id, data: row.data }),
            state: { closedAt: row.closed_at, round: row.round ?? untouchedSlide.round, openedAt: row.opened_at },
          },
        ],
  );
  return {
    status: first.status,
    openUntil: first.open_until,
    deck: { language: first.language, filter_offensive: first.filter_offensive },
    slides,
  };
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
    .values({ session_id: sessionId, slide_id: slideId, closed_at: null, round: 1, opened_at: null })
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'slide_id'])
        .doUpdateSet((eb) => ({ round: eb('slide_states.round', '+', 1), closed_at: null, opened_at: null, revealed: 0 })),
    )
    .execute();
}

/** Closes a slide at `closesAt`, a countdown; the first countdown of a round also marks when the round's answering began. */
export async function startCountdown(db: Queryable, sessionId: string, slideId: string, now: string, closesAt: string): Promise<void> {
  await db
    .insertInto('slide_states')
    .values({ session_id: sessionId, slide_id: slideId, closed_at: closesAt, round: 0, opened_at: now })
    .onConflict((oc) =>
      oc
        .columns(['session_id', 'slide_id'])
        .doUpdateSet((eb) => ({ closed_at: closesAt, opened_at: eb.fn.coalesce('slide_states.opened_at', eb.val(now)) })),
    )
    .execute();
}

/**
 * Deletes everything a session's audience left: the participants, their answers and answer receipts, the words
 * hidden from their answers and their regrouping, their Q&A questions, upvotes and reactions, and the share links that show them. The session itself stays.
 */
export async function deleteAudienceData(db: Queryable, sessionId: string): Promise<void> {
  const participants = db.selectFrom('participants').select('id').where('session_id', '=', sessionId);
  await db.deleteFrom('answer_receipts').where('participant_id', 'in', participants).execute();
  await db.deleteFrom('responses').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('hidden_words').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('word_groups').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('shown_words').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('qa_votes').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('qa_questions').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('slide_reactions').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('share_links').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('participants').where('session_id', '=', sessionId).execute();
}

/** Deletes a session with everything stored under it. */
export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await deleteAudienceData(db, sessionId);
  await db.deleteFrom('slide_states').where('session_id', '=', sessionId).execute();
  await db.deleteFrom('live_sessions').where('id', '=', sessionId).execute();
}
