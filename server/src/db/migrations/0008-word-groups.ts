import type { Kysely } from 'kysely';

/** The presenter's merges and splits of a word cloud's words, per session and slide. */
export const wordGroups = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('word_groups')
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('slide_id', 'text', (c) => c.notNull())
      .addColumn('word_key', 'text', (c) => c.notNull())
      .addColumn('into_key', 'text')
      .addPrimaryKeyConstraint('word_groups_pk', ['session_id', 'slide_id', 'word_key'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('word_groups').execute();
  },
};
