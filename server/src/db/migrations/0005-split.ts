import type { Kysely } from 'kysely';

/** How the big screen splits results by an earlier single-choice question, as JSON (protocol `splitSchema`); null when not split. */
export const split = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('live_sessions').addColumn('split', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('live_sessions').dropColumn('split').execute();
  },
};
