import type { Kysely } from 'kysely';

/**
 * k per deck. Decks that existed before get 5, ANONYMITY.defaultThreshold when this was written: a literal,
 * so the migration means the same whatever the constant becomes. New rows always name their threshold.
 */
export const anonymityThreshold = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('presentations')
      .addColumn('anonymity_threshold', 'integer', (c) => c.notNull().defaultTo(5))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('presentations').dropColumn('anonymity_threshold').execute();
  },
};
