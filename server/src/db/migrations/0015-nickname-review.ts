import type { Kysely } from 'kysely';

/** The presenter's look at a player's nickname: null until then, `approved` or `hidden`; a new nickname is looked at anew. */
export const nicknameReview = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('participants').addColumn('nickname_review', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('participants').dropColumn('nickname_review').execute();
  },
};
