import { type Answer, answerSchema } from '@ettor/protocol';
import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { NewResponse } from '../db/schema.js';
import { readStoredJson } from '../db/stored-json.js';
import { type HeldResponse, type Receipt, type ReceiptRow, type ResponseChange, receiptKey, responseKey } from './answer-plan.js';
import type { StoredAnswer } from './tally.js';

/** Rows per multi-row statement; well under both SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_STATEMENT = 500;

async function inChunks<Row>(rows: readonly Row[], write: (chunk: readonly Row[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) await write(rows.slice(start, start + ROWS_PER_STATEMENT));
}

/** A stored answer read through the answer schema, so an answer saved before a field existed gets its default. */
export const readAnswer = (text: string, what: string): Answer => readStoredJson(answerSchema, text, what);

/** The receipts of the given (participant, client id) pairs, by receiptKey. */
export async function findReceipts(
  db: Queryable,
  pairs: readonly { participantId: string; clientId: string }[],
): Promise<Map<string, Receipt>> {
  const found = new Map<string, Receipt>();
  if (pairs.length === 0) return found;
  // A row-value IN over VALUES: one index probe per pair on both SQLite and PostgreSQL.
  const rows = await db
    .selectFrom('answer_receipts')
    .select(['participant_id', 'client_id', 'slide_id', 'answer'])
    .where(sql<boolean>`(participant_id, client_id) in (values ${sql.join(pairs.map((p) => sql`(${p.participantId}, ${p.clientId})`))})`)
    .execute();
  for (const row of rows) {
    const answer = readAnswer(row.answer, `receipt of answer ${row.client_id}`);
    found.set(receiptKey(row.participant_id, row.client_id), { slideId: row.slide_id, answer });
  }
  return found;
}

/** The stored answers of these participants to one slide's round, by responseKey. */
export async function findResponses(
  db: Queryable,
  target: { sessionId: string; slideId: string; round: number },
  participantIds: readonly string[],
): Promise<Map<string, HeldResponse>> {
  const { sessionId, slideId, round } = target;
  const rows = await db
    .selectFrom('responses')
    .select(['id', 'participant_id', 'hidden_at'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('round', '=', round)
    .where('participant_id', 'in', participantIds)
    .execute();
  return new Map(rows.map((row) => [responseKey(sessionId, slideId, round, row.participant_id), { id: row.id, hiddenAt: row.hidden_at }]));
}

export function insertResponses(db: Queryable, rows: readonly NewResponse[]): Promise<void> {
  return inChunks(rows, (chunk) => db.insertInto('responses').values(chunk).execute());
}

/** Changes answers in place, one statement for the whole batch. VALUES names its columns column1… on both databases. */
export function changeResponses(db: Queryable, changes: readonly ResponseChange[]): Promise<void> {
  return inChunks(changes, (chunk) => {
    const rows = chunk.map((c) => sql`(${c.id}, ${c.answer}, ${c.client_id}, ${c.updated_at}, ${c.hidden_at})`);
    return sql`update responses set answer = v.column2, client_id = v.column3, updated_at = v.column4, hidden_at = v.column5
      from (values ${sql.join(rows)}) as v where responses.id = v.column1`.execute(db);
  });
}

export function insertReceipts(db: Queryable, rows: readonly ReceiptRow[]): Promise<void> {
  return inChunks(rows, (chunk) => db.insertInto('answer_receipts').values(chunk).execute());
}

export async function listSlideAnswers(db: Queryable, sessionId: string, slideId: string, round: number): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom('responses')
    .select(['id', 'answer', 'updated_at', 'hidden_at'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('round', '=', round)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    answer: readAnswer(row.answer, `answer ${row.id}`),
    updatedAt: row.updated_at,
    hidden: row.hidden_at !== null,
  }));
}

/** A participant's answers in each slide's current round, by slide id. */
export async function listParticipantAnswers(db: Queryable, sessionId: string, participantId: string): Promise<Record<string, Answer>> {
  const rows = await db
    .selectFrom('responses')
    .leftJoin('slide_states', (join) =>
      join.onRef('slide_states.session_id', '=', 'responses.session_id').onRef('slide_states.slide_id', '=', 'responses.slide_id'),
    )
    .select(['responses.id', 'responses.slide_id', 'responses.answer'])
    .where('responses.session_id', '=', sessionId)
    .where('responses.participant_id', '=', participantId)
    .where((eb) => eb('responses.round', '=', eb.fn.coalesce('slide_states.round', eb.lit(0))))
    .execute();
  return Object.fromEntries(rows.map((row) => [row.slide_id, readAnswer(row.answer, `answer ${row.id}`)]));
}

/** Hides or shows one answer; returns whether it exists in this session and slide. */
export async function setAnswerHidden(
  db: Queryable,
  sessionId: string,
  slideId: string,
  answerId: string,
  hiddenAt: string | null,
): Promise<boolean> {
  const result = await db
    .updateTable('responses')
    .set({ hidden_at: hiddenAt })
    .where('id', '=', answerId)
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The words of a slide the presenter hid, or (`shown_words`) showed although the offensive-word filter held them. */
export async function listWordKeys(
  db: Queryable,
  table: 'hidden_words' | 'shown_words',
  sessionId: string,
  slideId: string,
): Promise<Set<string>> {
  const rows = await db.selectFrom(table).select('word_key').where('session_id', '=', sessionId).where('slide_id', '=', slideId).execute();
  return new Set(rows.map((row) => row.word_key));
}

export async function setWordHidden(db: Queryable, sessionId: string, slideId: string, wordKey: string, hidden: boolean): Promise<void> {
  const word = { session_id: sessionId, slide_id: slideId, word_key: wordKey };
  // Showing a word is the presenter's word on it: it stays shown even if the offensive-word filter would hold it.
  const [add, remove] = hidden ? (['hidden_words', 'shown_words'] as const) : (['shown_words', 'hidden_words'] as const);
  await db
    .insertInto(add)
    .values(word)
    .onConflict((oc) => oc.doNothing())
    .execute();
  await db.deleteFrom(remove).where('session_id', '=', sessionId).where('slide_id', '=', slideId).where('word_key', '=', wordKey).execute();
}

/** The presenter's merges and splits of a slide's words, by natural group key. */
export async function listWordGroups(db: Queryable, sessionId: string, slideId: string): Promise<Map<string, string | null>> {
  const rows = await db
    .selectFrom('word_groups')
    .select(['word_key', 'into_key'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .execute();
  return new Map(rows.map((row) => [row.word_key, row.into_key]));
}

/** Merges a word into another (`into` a natural group key), splits it (null), or takes back either (undefined). */
export async function setWordGroup(
  db: Queryable,
  sessionId: string,
  slideId: string,
  wordKey: string,
  into: string | null | undefined,
): Promise<void> {
  await db
    .deleteFrom('word_groups')
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('word_key', '=', wordKey)
    .execute();
  if (into !== undefined) {
    await db.insertInto('word_groups').values({ session_id: sessionId, slide_id: slideId, word_key: wordKey, into_key: into }).execute();
  }
}

/** Takes back every merge into a word, so the words merged into it count as themselves again. */
export async function unmergeInto(db: Queryable, sessionId: string, slideId: string, intoKey: string): Promise<number> {
  const result = await db
    .deleteFrom('word_groups')
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('into_key', '=', intoKey)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
