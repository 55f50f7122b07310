import type { Answer } from '@ettor/protocol';
import type { Queryable } from '../db/database.js';
import type { NewResponse } from '../db/schema.js';
import type { StoredAnswer } from './tally.js';

export async function findReceipt(db: Queryable, participantId: string, clientId: string) {
  const row = await db
    .selectFrom('answer_receipts')
    .select(['slide_id', 'answer'])
    .where('participant_id', '=', participantId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row ? { slideId: row.slide_id, answer: JSON.parse(row.answer) as Answer } : undefined;
}

export async function insertReceipt(
  db: Queryable,
  receipt: { participant_id: string; client_id: string; slide_id: string; answer: string; created_at: string },
): Promise<void> {
  await db.insertInto('answer_receipts').values(receipt).execute();
}

export function findResponseId(db: Queryable, sessionId: string, slideId: string, round: number, participantId: string) {
  return db
    .selectFrom('responses')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('round', '=', round)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
}

export async function insertResponse(db: Queryable, row: NewResponse): Promise<void> {
  await db.insertInto('responses').values(row).execute();
}

export async function replaceResponse(db: Queryable, id: string, changes: { answer: string; client_id: string; updated_at: string }): Promise<void> {
  await db.updateTable('responses').set(changes).where('id', '=', id).execute();
}

export async function listSlideAnswers(db: Queryable, sessionId: string, slideId: string, round: number): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom('responses')
    .select(['id', 'answer', 'updated_at', 'hidden_at'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('round', '=', round)
    .execute();
  return rows.map((row) => ({ id: row.id, answer: JSON.parse(row.answer) as Answer, updatedAt: row.updated_at, hidden: row.hidden_at !== null }));
}

/** A participant's answers in each slide's current round, by slide id. */
export async function listParticipantAnswers(db: Queryable, sessionId: string, participantId: string): Promise<Record<string, Answer>> {
  const rows = await db
    .selectFrom('responses')
    .leftJoin('slide_states', (join) =>
      join.onRef('slide_states.session_id', '=', 'responses.session_id').onRef('slide_states.slide_id', '=', 'responses.slide_id'),
    )
    .select(['responses.slide_id', 'responses.answer'])
    .where('responses.session_id', '=', sessionId)
    .where('responses.participant_id', '=', participantId)
    .where((eb) => eb('responses.round', '=', eb.fn.coalesce('slide_states.round', eb.lit(0))))
    .execute();
  return Object.fromEntries(rows.map((row) => [row.slide_id, JSON.parse(row.answer) as Answer]));
}

/** Hides or shows one answer; returns whether it exists in this session and slide. */
export async function setAnswerHidden(db: Queryable, sessionId: string, slideId: string, answerId: string, hiddenAt: string | null): Promise<boolean> {
  const result = await db
    .updateTable('responses')
    .set({ hidden_at: hiddenAt })
    .where('id', '=', answerId)
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listHiddenWords(db: Queryable, sessionId: string, slideId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('hidden_words').select('word_key').where('session_id', '=', sessionId).where('slide_id', '=', slideId).execute();
  return new Set(rows.map((row) => row.word_key));
}

export async function setWordHidden(db: Queryable, sessionId: string, slideId: string, wordKey: string, hidden: boolean): Promise<void> {
  if (hidden) {
    await db
      .insertInto('hidden_words')
      .values({ session_id: sessionId, slide_id: slideId, word_key: wordKey })
      .onConflict((oc) => oc.doNothing())
      .execute();
  } else {
    await db.deleteFrom('hidden_words').where('session_id', '=', sessionId).where('slide_id', '=', slideId).where('word_key', '=', wordKey).execute();
  }
}
