import type { Kysely } from 'kysely';

/** Read-only links to a session's results. A revoked link is kept, marked, so its token is never reused. */
export const shareLinks = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('share_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('session_id', 'text', (c) => c.notNull().references('live_sessions.id').onDelete('cascade'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema.createIndex('share_links_session').on('share_links').column('session_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('share_links').execute();
  },
};
