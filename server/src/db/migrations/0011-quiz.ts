import type { Kysely } from 'kysely';

/**
 * Quizzes and the deck settings that came with them: 2× time and the offensive-word filter per deck, when a slide's
 * countdown began (for speed points), a participant's nickname, unique in its session whatever its case, and the
 * word-cloud words the presenter showed although the filter held them.
 */
export const quiz = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('presentations')
      .addColumn('extended_time', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('presentations')
      .addColumn('filter_offensive', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema.alterTable('slide_states').addColumn('opened_at', 'text').execute();
    await db.schema.alterTable('participants').addColumn('nickname', 'text').execute();
    await db.schema.alterTable('participants').addColumn('nickname_key', 'text').execute();
    await db.schema.createIndex('participants_nickname').unique().on('participants').columns(['session_id', 'nickname_key']).execute();
    // An upvote resent with its client id (its confirmation lost in a reconnect) is the same upvote, not a second one.
    await db.schema.alterTable('qa_votes').addColumn('client_id', 'text').execute();
    await db.schema
      .createTable('shown_words')
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('slide_id', 'text', (c) => c.notNull())
      .addColumn('word_key', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('shown_words_pk', ['session_id', 'slide_id', 'word_key'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('shown_words').execute();
    await db.schema.alterTable('qa_votes').dropColumn('client_id').execute();
    await db.schema.dropIndex('participants_nickname').execute();
    await db.schema.alterTable('participants').dropColumn('nickname_key').execute();
    await db.schema.alterTable('participants').dropColumn('nickname').execute();
    await db.schema.alterTable('slide_states').dropColumn('opened_at').execute();
    await db.schema.alterTable('presentations').dropColumn('filter_offensive').execute();
    await db.schema.alterTable('presentations').dropColumn('extended_time').execute();
  },
};
