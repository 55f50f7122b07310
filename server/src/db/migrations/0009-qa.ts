import type { Kysely } from 'kysely';

/** Q&A: the questions a session's audience asks of a Q&A slide, and who upvoted which. */
export const qa = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('qa_questions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('slide_id', 'text', (c) => c.notNull())
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
      .addColumn('client_id', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('name', 'text')
      .addColumn('asked_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answered_at', 'text')
      .addColumn('pinned_at', 'text')
      // A retried question (same client id) is found, not asked twice.
      .addUniqueConstraint('qa_questions_client', ['participant_id', 'client_id'])
      .execute();
    await db.schema.createIndex('qa_questions_slide').on('qa_questions').columns(['session_id', 'slide_id']).execute();
    await db.schema
      .createTable('qa_votes')
      .addColumn('question_id', 'text', (c) => c.notNull().references('qa_questions.id').onDelete('cascade'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
      .addColumn('session_id', 'text', (c) => c.notNull())
      .addColumn('voted_at', 'text', (c) => c.notNull())
      // One vote per person and question, whatever the race between two nodes.
      .addPrimaryKeyConstraint('qa_votes_pk', ['question_id', 'participant_id'])
      .execute();
    await db.schema.createIndex('qa_votes_participant').on('qa_votes').columns(['session_id', 'participant_id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('qa_votes').execute();
    await db.schema.dropTable('qa_questions').execute();
  },
};
