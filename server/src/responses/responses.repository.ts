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

export function findResponseId(db: Queryable, sessionId: string, slideId: string, participantId: string) {
  return db
    .selectFrom('responses')
    .select('id')
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .where('participant_id', '=', participantId)
    .executeTakeFirst();
}

export async function insertResponse(db: Queryable, row: NewResponse): Promise<void> {
  await db.insertInto('responses').values(row).execute();
}

export async function replaceResponse(db: Queryable, id: string, changes: { answer: string; client_id: string; updated_at: string }): Promise<void> {
  await db.updateTable('responses').set(changes).where('id', '=', id).execute();
}

export async function listSlideAnswers(db: Queryable, sessionId: string, slideId: string): Promise<StoredAnswer[]> {
  const rows = await db
    .selectFrom('responses')
    .select(['id', 'answer', 'updated_at'])
    .where('session_id', '=', sessionId)
    .where('slide_id', '=', slideId)
    .execute();
  return rows.map((row) => ({ id: row.id, answer: JSON.parse(row.answer) as Answer, updatedAt: row.updated_at }));
}

export async function listParticipantAnswers(db: Queryable, sessionId: string, participantId: string): Promise<Record<string, Answer>> {
  const rows = await db
    .selectFrom('responses')
    .select(['slide_id', 'answer'])
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .execute();
  return Object.fromEntries(rows.map((row) => [row.slide_id, JSON.parse(row.answer) as Answer]));
}
