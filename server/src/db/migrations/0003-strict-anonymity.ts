import type { Kysely } from 'kysely';

/** Strict anonymity per deck: its result exports carry aggregates only. Decks that existed before get 0 (off). */
export const strictAnonymity = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('presentations')
      .addColumn('strict_anonymity', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('presentations').dropColumn('strict_anonymity').execute();
  },
};
