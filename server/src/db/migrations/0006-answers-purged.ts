import type { Kysely } from 'kysely';

/** When the answer-retention setting deleted a session's answers; null while they are kept. */
export const answersPurged = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('live_sessions').addColumn('answers_purged_at', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('live_sessions').dropColumn('answers_purged_at').execute();
  },
};
