import { EXTENDED_TIME_FACTOR, type SessionSummary } from '@ettor/protocol';
import type { ExpressionBuilder } from 'kysely';
import type { QuizPlay } from '../results/derived.js';
import type { PlayerName } from '../results/leaderboard.js';
import type { QuizClock } from '../results/quiz-scores.js';
import type { Queryable } from '../db/database.js';
import type { Database, PresentationRow } from '../db/schema.js';
import { readStoredJson } from '../db/stored-json.js';
import { pausesSchema } from '../sessions/countdown.js';
import { deckLanguageOf } from '../presentations/presentations.repository.js';
import { readAnswer } from '../responses/responses.repository.js';
import type { ReportAnswer, SessionWords } from '../results/report.js';

type SessionsQuery = ExpressionBuilder<Database & { s: Database['live_sessions'] }, 's'>;

/** People who joined session `s`. */
const participantCount = (eb: SessionsQuery) =>
  eb.selectFrom('participants').select(eb.fn.countAll<number | string>().as('n')).whereRef('participants.session_id', '=', 's.id');

/**
 * The answers of session `s` that count, as its report counts them: one per participant and question, in the
 * question's current round, to a slide the deck still has.
 */
const answerCount = (eb: SessionsQuery) =>
  eb
    .selectFrom('responses')
    .innerJoin('slides', (join) =>
      join.onRef('slides.id', '=', 'responses.slide_id').onRef('slides.presentation_id', '=', 's.presentation_id'),
    )
    .leftJoin('slide_states', (join) =>
      join.onRef('slide_states.session_id', '=', 'responses.session_id').onRef('slide_states.slide_id', '=', 'responses.slide_id'),
    )
    .select(eb.fn.countAll<number | string>().as('n'))
    .whereRef('responses.session_id', '=', 's.id')
    .where((inner) => inner('responses.round', '=', inner.fn.coalesce('slide_states.round', inner.lit(0))));

/** Sessions with what the dashboard shows of each, newest first; one deck's, or one session. */
export async function listSessionSummaries(
  db: Queryable,
  which: { presentationId: string } | { sessionId: string },
): Promise<SessionSummary[]> {
  const rows = await db
    .selectFrom('live_sessions as s')
    .select((eb) => [
      's.id',
      's.presentation_id',
      's.status',
      's.started_at',
      's.ended_at',
      's.answers_purged_at',
      participantCount(eb).as('participants'),
      answerCount(eb).as('answers'),
    ])
    .where((eb) => ('sessionId' in which ? eb('s.id', '=', which.sessionId) : eb('s.presentation_id', '=', which.presentationId)))
    // Sessions started in the same millisecond still list in one order.
    .orderBy('s.started_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  // PostgreSQL counts as bigint, which pg hands over as a string.
  return rows.map((row) => ({
    id: row.id,
    presentationId: row.presentation_id,
    status: row.status,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    participants: Number(row.participants ?? 0),
    answers: Number(row.answers ?? 0),
    answersPurgedAt: row.answers_purged_at,
  }));
}

/** Every answer of a session in its slide's current round, hidden ones included (they still count); only those of `slideIds` when given. */
export async function listCurrentAnswers(db: Queryable, sessionId: string, slideIds?: readonly string[]): Promise<ReportAnswer[]> {
  if (slideIds?.length === 0) return [];
  const rows = await db
    .selectFrom('responses')
    .leftJoin('slide_states', (join) =>
      join.onRef('slide_states.session_id', '=', 'responses.session_id').onRef('slide_states.slide_id', '=', 'responses.slide_id'),
    )
    .select([
      'responses.id',
      'responses.participant_id',
      'responses.slide_id',
      'responses.answer',
      'responses.updated_at',
      'responses.hidden_at',
    ])
    .where('responses.session_id', '=', sessionId)
    .$if(slideIds !== undefined, (query) => query.where('responses.slide_id', 'in', slideIds ?? []))
    .where((eb) => eb('responses.round', '=', eb.fn.coalesce('slide_states.round', eb.lit(0))))
    // A fixed order, so the same answers always give the same report.
    .orderBy('responses.updated_at')
    .orderBy('responses.id')
    .execute();
  return rows.map((row) => ({
    participantId: row.participant_id,
    slideId: row.slide_id,
    stored: {
      id: row.id,
      answer: readAnswer(row.answer, `answer ${row.id}`),
      updatedAt: row.updated_at,
      hidden: row.hidden_at !== null,
    },
  }));
}

/** The word-cloud words hidden in a session, by slide: countedWordKey() keys. */
/** The words a session's presenter hid, or (`shown_words`) showed although the filter held them, by slide. */
async function listWordKeys(db: Queryable, table: 'hidden_words' | 'shown_words', sessionId: string): Promise<Map<string, Set<string>>> {
  const rows = await db.selectFrom(table).select(['slide_id', 'word_key']).where('session_id', '=', sessionId).execute();
  const bySlide = new Map<string, Set<string>>();
  for (const row of rows) {
    const words = bySlide.get(row.slide_id) ?? new Set<string>();
    words.add(row.word_key);
    bySlide.set(row.slide_id, words);
  }
  return bySlide;
}

/** The presenter's merges and splits of word-cloud words in a session, by slide. */
async function listWordGroups(db: Queryable, sessionId: string): Promise<Map<string, Map<string, string | null>>> {
  const rows = await db
    .selectFrom('word_groups')
    .select(['slide_id', 'word_key', 'into_key'])
    .where('session_id', '=', sessionId)
    .execute();
  const bySlide = new Map<string, Map<string, string | null>>();
  for (const row of rows) {
    const groups = bySlide.get(row.slide_id) ?? new Map<string, string | null>();
    groups.set(row.word_key, row.into_key);
    bySlide.set(row.slide_id, groups);
  }
  return bySlide;
}

/** How a session's word clouds count: the deck's language and filter, with the words the presenter hid, showed, merged and split. */
export async function readSessionWords(
  db: Queryable,
  sessionId: string,
  deck: Pick<PresentationRow, 'language' | 'filter_offensive'>,
): Promise<SessionWords> {
  return {
    language: deckLanguageOf(deck),
    filterOffensive: deck.filter_offensive === 1,
    hidden: await listWordKeys(db, 'hidden_words', sessionId),
    shown: await listWordKeys(db, 'shown_words', sessionId),
    groups: await listWordGroups(db, sessionId),
  };
}

/** When each of a session's quiz countdowns began, and the deck's time factor: what speed points are measured by. */
export async function readQuizClock(db: Queryable, sessionId: string): Promise<QuizClock> {
  const states = await db
    .selectFrom('slide_states')
    .select(['slide_id', 'opened_at', 'pauses'])
    .where('session_id', '=', sessionId)
    .where('opened_at', 'is not', null)
    .execute();
  const deck = await db
    .selectFrom('live_sessions')
    .innerJoin('presentations', 'presentations.id', 'live_sessions.presentation_id')
    .select('presentations.extended_time')
    .where('live_sessions.id', '=', sessionId)
    .executeTakeFirst();
  return {
    countdowns: new Map(
      states.map((row) => [
        row.slide_id,
        { openedAt: row.opened_at, pauses: readStoredJson(pausesSchema, row.pauses, 'pauses of a slide') },
      ]),
    ),
    timeFactor: deck?.extended_time === 1 ? EXTENDED_TIME_FACTOR : 1,
  };
}

/** A stored review this version does not know reads as none: the presenter looks again. */
const reviewOf = (stored: string | null): PlayerName['review'] => (stored === 'approved' || stored === 'hidden' ? stored : null);

/** A session's quiz clock and its players' nicknames, for a leaderboard. */
export async function readQuizPlay(db: Queryable, sessionId: string): Promise<QuizPlay> {
  const players = await db
    .selectFrom('participants')
    .select(['id', 'nickname', 'nickname_review'])
    .where('session_id', '=', sessionId)
    .where('nickname', 'is not', null)
    .execute();
  return {
    clock: await readQuizClock(db, sessionId),
    nicknames: new Map(
      players.flatMap((row) =>
        row.nickname === null ? [] : [[row.id, { nickname: row.nickname, review: reviewOf(row.nickname_review) }] as const],
      ),
    ),
  };
}
