import type { Kysely } from 'kysely';

/**
 * Presenting: a deck's theme, brand colour, logo and its default for revealing results; what a session's big screen
 * shows besides the slide (black, join screen, code bar), kept so a reloaded window restores it; and whether a
 * slide's results were revealed in its current round.
 */
export const stage = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('presentations')
      .addColumn('theme', 'text', (c) => c.notNull().defaultTo('light'))
      .execute();
    await db.schema.alterTable('presentations').addColumn('brand_color', 'text').execute();
    await db.schema.alterTable('presentations').addColumn('logo_asset_id', 'text').execute();
    await db.schema
      .alterTable('presentations')
      .addColumn('reveal_results', 'text', (c) => c.notNull().defaultTo('live'))
      .execute();
    await db.schema
      .alterTable('live_sessions')
      .addColumn('screen_black', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .alterTable('live_sessions')
      .addColumn('join_screen', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('live_sessions')
      .addColumn('code_bar', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
    await db.schema
      .alterTable('slide_states')
      .addColumn('revealed', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('slide_states').dropColumn('revealed').execute();
    for (const column of ['code_bar', 'join_screen', 'screen_black']) {
      await db.schema.alterTable('live_sessions').dropColumn(column).execute();
    }
    for (const column of ['reveal_results', 'logo_asset_id', 'brand_color', 'theme']) {
      await db.schema.alterTable('presentations').dropColumn(column).execute();
    }
  },
};
