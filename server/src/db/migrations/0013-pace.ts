import type { Kysely } from 'kysely';

/**
 * Self-paced sessions: who moves through the deck (`presenter`, or each participant at their own pace: `audience`) and
 * when the session stops taking answers, an ISO time compared inside each answer's transaction (null: no end).
 */
export const pace = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('live_sessions')
      .addColumn('pace', 'text', (c) => c.notNull().defaultTo('presenter'))
      .execute();
    await db.schema.alterTable('live_sessions').addColumn('open_until', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const column of ['open_until', 'pace']) {
      await db.schema.alterTable('live_sessions').dropColumn(column).execute();
    }
  },
};
