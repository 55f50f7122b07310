import type { Kysely } from 'kysely';

/** The language a deck is written in, for its word clouds. Decks that existed before are Swedish, as Ettor's first users. */
export const deckLanguage = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('presentations')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('sv'))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('presentations').dropColumn('language').execute();
  },
};
