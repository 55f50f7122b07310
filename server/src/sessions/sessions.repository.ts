import type { Slide } from '@ettor/protocol';
import type { Queryable } from '../db/database.js';
import type { LiveSessionRow, PresentationRow } from '../db/schema.js';
import { readStoredJson } from '../db/stored-json.js';
import { readSlide } from '../presentations/presentations.repository.js';
import { type Countdown, pausesSchema } from './countdown.js';

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

export interface SlideState extends Countdown {
  round: number;
}

/** The state of a slide nobody has touched: open, in round 0. */
export const untouchedSlide: SlideState = { closedAt: null, round: 0, openedAt: null, pausedLeftMs: null, pauses: [] };

const SLIDE_STATE_COLUMNS = ['closed_at', 'round', 'opened_at', 'paused_left_ms', 'pauses'] as const;

interface SlideStateColumns {
  closed_at: string | null;
  round: number;
  opened_at: string | null;
  paused_left_ms: number | null;
  pauses: string;
}

const slideStateOf = (row: SlideStateColumns): SlideState => ({
  closedAt: row.closed_at,
  round: row.round,
  openedAt: row.opened_at,
  pausedLeftMs: row.paused_left_ms,
  pauses: readStoredJson(pausesSchema, row.pauses, 'pauses of a slide'),
});

const shownSlideState = (row: SlideStateColumns & { revealed: number }) => ({ ...slideStateOf(row), revealed: row.revealed === 1 });

/** A slide's voting state in a session, and whether the presenter revealed its results in this round. */
export async function findSlideState(db: Queryable, sessionId: string, slideId: string): Promise<SlideState & { revealed: boolean }> {
  const row = await db
    .selectFrom('slide_states')
    .select([...SLIDE_STATE_COLUMNS, 'revealed'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .executeTakeFirst();
  return row ? shownSlideState(row) : { ...untouchedSlide, revealed: false };
}

/** Every slide's voting state in a session that has one, by slide id; a slide left out is untouched. */
export async function listSlideStates(db: Queryable, sessionId: string): Promise<Map<string, SlideState & { revealed: boolean }>> {
  const rows = await db
    .selectFrom('slide_states')
    .select(['slide_id', ...SLIDE_STATE_COLUMNS, 'revealed'])
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
      pace: LiveSessionRow['pace'];
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
      'live_sessions.pace',
      'live_sessions.open_until',
      'presentations.language',
      'presentations.filter_offensive',
      'slides.id',
      'slides.data',
      'slide_states.closed_at',
      'slide_states.round',
      'slide_states.opened_at',
      'slide_states.paused_left_ms',
      'slide_states.pauses',
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
            state: row.round === null ? untouchedSlide : slideStateOf({ ...row, round: row.round, pauses: row.pauses ?? '[]' }),
          },
        ],
  );
  return {
    status: first.status,
    pace: first.pace,
    openUntil: first.open_until,
    deck: { language: first.language, filter_offensive: first.filter_offensive },
    slides,
  };
}

/** Stores a slide's countdown (and with it whether it takes answers) in its current round. */
export async function writeCountdown(db: Queryable, sessionId: string, slideId: string, countdown: Countdown): Promise<void> {
  const columns = {
    closed_at: countdown.closedAt,
    opened_at: countdown.openedAt,
    paused_left_ms: countdown.pausedLeftMs,
    pauses: JSON.stringify(countdown.pauses),
  };
  await db
    .insertInto('slide_states')
    .values({ session_id: sessionId, slide_id: slideId, round: 0, ...columns })
    .onConflict((oc) => oc.columns(['session_id', 'slide_id']).doUpdateSet(columns))
    .execute();
}

export async function startNextRound(db: Queryable, sessionId: string, slideId: string): Promise<void> {
  await db
    .insertInto('slide_states')
    .values({ session_id: sessionId, slide_id: slideId, closed_at: null, round: 1, opened_at: null })
    .onConflict((oc) =>
      oc.columns(['session_id', 'slide_id']).doUpdateSet((eb) => ({
        round: eb('slide_states.round', '+', 1),
        closed_at: null,
        opened_at: null,
        paused_left_ms: null,
        pauses: '[]',
        revealed: 0,
      })),
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
