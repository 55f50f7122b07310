import type { QaAction, QaQuestion } from '@ettor/protocol';
import { sql } from 'kysely';
import type { Queryable } from '../db/database.js';
import type { QaQuestionsTable } from '../db/schema.js';
import type { StoredQuestion } from '../results/qa.js';

const STATUSES: readonly QaQuestion['status'][] = ['pending', 'shown', 'hidden'];

function readStatus(value: string): QaQuestion['status'] {
  // Only this module writes the column; anything else is a row from a newer version, shown to no one until moderated.
  return (STATUSES as readonly string[]).includes(value) ? (value as QaQuestion['status']) : 'pending';
}

function questionsWithVotes(db: Queryable) {
  return db
    .selectFrom('qa_questions')
    .leftJoin('qa_votes', 'qa_votes.question_id', 'qa_questions.id')
    .select([
      'qa_questions.id',
      'qa_questions.slide_id',
      'qa_questions.participant_id',
      'qa_questions.text',
      'qa_questions.name',
      'qa_questions.asked_at',
      'qa_questions.status',
      'qa_questions.answered_at',
      'qa_questions.pinned_at',
      (eb) => eb.fn.count<number | string | bigint>('qa_votes.participant_id').as('votes'),
    ])
    .groupBy([
      'qa_questions.id',
      'qa_questions.slide_id',
      'qa_questions.participant_id',
      'qa_questions.text',
      'qa_questions.name',
      'qa_questions.asked_at',
      'qa_questions.status',
      'qa_questions.answered_at',
      'qa_questions.pinned_at',
    ]);
}

type QuestionRow = Omit<QaQuestionsTable, 'session_id' | 'client_id'> & { votes: number | string | bigint };

function readQuestion(row: QuestionRow): StoredQuestion {
  return {
    id: row.id,
    slideId: row.slide_id,
    participantId: row.participant_id,
    text: row.text,
    name: row.name,
    askedAt: row.asked_at,
    votes: Number(row.votes),
    status: readStatus(row.status),
    answered: row.answered_at !== null,
    pinned: row.pinned_at !== null,
  };
}

/** A session's questions with their upvotes, of one slide or of all, oldest first. */
export async function listQuestions(db: Queryable, sessionId: string, slideId?: string): Promise<StoredQuestion[]> {
  let query = questionsWithVotes(db).where('qa_questions.session_id', '=', sessionId);
  if (slideId !== undefined) query = query.where('qa_questions.slide_id', '=', slideId);
  const rows = await query.orderBy('qa_questions.asked_at').orderBy('qa_questions.id').execute();
  return rows.map(readQuestion);
}

export async function findQuestion(db: Queryable, questionId: string): Promise<(StoredQuestion & { sessionId: string }) | undefined> {
  const row = await questionsWithVotes(db)
    .select('qa_questions.session_id')
    .groupBy('qa_questions.session_id')
    .where('qa_questions.id', '=', questionId)
    .executeTakeFirst();
  return row && { ...readQuestion(row), sessionId: row.session_id };
}

/** What an upvote needs of a question, without counting its votes. */
export type VotedQuestion = Pick<StoredQuestion & { sessionId: string }, 'slideId' | 'participantId' | 'status' | 'sessionId'>;

/** What upvotes need of their questions, by id, in one read; ids of no question are left out. */
export async function findVotedQuestions(db: Queryable, questionIds: readonly string[]): Promise<Map<string, VotedQuestion>> {
  if (questionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('qa_questions')
    .select(['id', 'slide_id', 'participant_id', 'status', 'session_id'])
    .where('id', 'in', questionIds)
    .execute();
  return new Map(
    rows.map((row) => [
      row.id,
      { slideId: row.slide_id, participantId: row.participant_id, status: readStatus(row.status), sessionId: row.session_id },
    ]),
  );
}

/** The question a participant asked under a client id before: a retried ask. */
export async function findAskedBefore(db: Queryable, participantId: string, clientId: string): Promise<StoredQuestion | undefined> {
  const row = await questionsWithVotes(db)
    .where('qa_questions.participant_id', '=', participantId)
    .where('qa_questions.client_id', '=', clientId)
    .executeTakeFirst();
  return row && readQuestion(row);
}

export async function insertQuestion(db: Queryable, row: QaQuestionsTable): Promise<void> {
  await db.insertInto('qa_questions').values(row).execute();
}

export interface StoredVote {
  questionId: string;
  participantId: string;
  /** The client id the upvote came with; null for one stored before client ids were kept. */
  clientId: string | null;
}

/** The upvotes given on these (question, participant) pairs, in one read. */
export async function findVotes(db: Queryable, pairs: readonly { questionId: string; participantId: string }[]): Promise<StoredVote[]> {
  if (pairs.length === 0) return [];
  const rows = await db
    .selectFrom('qa_votes')
    .select(['question_id', 'participant_id', 'client_id'])
    .where(({ eb, refTuple, tuple }) =>
      eb(
        refTuple('question_id', 'participant_id'),
        'in',
        pairs.map((pair) => tuple(pair.questionId, pair.participantId)),
      ),
    )
    .execute();
  return rows.map((row) => ({ questionId: row.question_id, participantId: row.participant_id, clientId: row.client_id }));
}

/**
 * Stores upvotes in one statement, leaving out any whose participant has one on the question already (another node's,
 * stored meanwhile); returns those it stored.
 */
export async function insertVotes(
  db: Queryable,
  votes: readonly { questionId: string; participantId: string; sessionId: string; clientId: string; at: string }[],
): Promise<{ questionId: string; participantId: string }[]> {
  if (votes.length === 0) return [];
  const rows = await db
    .insertInto('qa_votes')
    .values(
      votes.map((vote) => ({
        question_id: vote.questionId,
        participant_id: vote.participantId,
        session_id: vote.sessionId,
        client_id: vote.clientId,
        voted_at: vote.at,
      })),
    )
    .onConflict((conflict) => conflict.columns(['question_id', 'participant_id']).doNothing())
    .returning(['question_id', 'participant_id'])
    .execute();
  return rows.map((row) => ({ questionId: row.question_id, participantId: row.participant_id }));
}

export async function deleteVote(db: Queryable, questionId: string, participantId: string): Promise<void> {
  await db.deleteFrom('qa_votes').where('question_id', '=', questionId).where('participant_id', '=', participantId).execute();
}

/** The questions a participant asked in a session, with their status, and the ids of those they upvoted. */
export async function listOwn(
  db: Queryable,
  sessionId: string,
  participantId: string,
): Promise<{ asked: StoredQuestion[]; upvoted: string[] }> {
  const asked = await questionsWithVotes(db)
    .where('qa_questions.session_id', '=', sessionId)
    .where('qa_questions.participant_id', '=', participantId)
    .orderBy('qa_questions.asked_at')
    .execute();
  const upvoted = await db
    .selectFrom('qa_votes')
    .select('question_id')
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .execute();
  return { asked: asked.map(readQuestion), upvoted: upvoted.map((row) => row.question_id) };
}

/** Applies the presenter's action to a question; pinning one unpins any other of its slide. */
export async function moderate(
  db: Queryable,
  question: StoredQuestion & { sessionId: string },
  action: QaAction,
  at: string,
): Promise<void> {
  const update = db.updateTable('qa_questions').where('id', '=', question.id);
  switch (action) {
    case 'show':
      await update.set({ status: 'shown' }).execute();
      return;
    case 'hide':
      // A hidden question is not on the big screen, so it cannot stay pinned there either.
      await update.set({ status: 'hidden', pinned_at: null }).execute();
      return;
    case 'answer':
      await update.set({ answered_at: at }).execute();
      return;
    case 'unanswer':
      await update.set({ answered_at: null }).execute();
      return;
    case 'pin':
      await db
        .updateTable('qa_questions')
        .set({ pinned_at: null })
        .where('session_id', '=', question.sessionId)
        .where('slide_id', '=', question.slideId)
        .where('pinned_at', 'is not', null)
        .execute();
      await update.set({ pinned_at: at }).execute();
      return;
    case 'unpin':
      await update.set({ pinned_at: null }).execute();
      return;
  }
}

/** How many questions a participant has asked in a session since a time; for the asking limit. */
export async function countAskedSince(db: Queryable, sessionId: string, participantId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('qa_questions')
    .select(sql<number | string>`count(*)`.as('n'))
    .where('session_id', '=', sessionId)
    .where('participant_id', '=', participantId)
    .where('asked_at', '>=', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
