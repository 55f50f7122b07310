import type { Kysely } from 'kysely';

/** Reactions: whether a session takes them, and how many of each every slide got. */
export const reactions = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('live_sessions')
      .addColumn('reactions_off', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('slide_reactions')
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('slide_id', 'text', (c) => c.notNull())
      .addColumn('reaction', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('slide_reactions_pk', ['session_id', 'slide_id', 'reaction'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('slide_reactions').execute();
    await db.schema.alterTable('live_sessions').dropColumn('reactions_off').execute();
  },
};
