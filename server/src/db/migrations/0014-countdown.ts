import type { Kysely } from 'kysely';

/**
 * A countdown the server pauses: what a paused countdown has left (null unless paused) and the round's pauses as a JSON
 * list of {from, to} (to null while paused), so speed points count only the time the countdown ran.
 */
export const countdown = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('slide_states').addColumn('paused_left_ms', 'integer').execute();
    await db.schema
      .alterTable('slide_states')
      .addColumn('pauses', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const column of ['pauses', 'paused_left_ms']) {
      await db.schema.alterTable('slide_states').dropColumn(column).execute();
    }
  },
};
