import type { Queryable } from '../db/database.js';
import type { ShareLinkRow } from '../db/schema.js';

export async function insertShareLink(db: Queryable, row: ShareLinkRow): Promise<void> {
  await db.insertInto('share_links').values(row).execute();
}

/** A session's links that still open, newest first. */
export function listOpenShareLinks(db: Queryable, sessionId: string): Promise<ShareLinkRow[]> {
  return (
    db
      .selectFrom('share_links')
      .selectAll()
      .where('session_id', '=', sessionId)
      .where('revoked_at', 'is', null)
      // Links made in the same millisecond still list in one order.
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  );
}

/** The link with this secret, unless it has been revoked. */
export function findOpenShareLink(db: Queryable, token: string): Promise<ShareLinkRow | undefined> {
  return db.selectFrom('share_links').selectAll().where('token', '=', token).where('revoked_at', 'is', null).executeTakeFirst();
}

/** Marks a session's link revoked; false when there is no such link that still opens. */
export async function revokeShareLink(db: Queryable, sessionId: string, linkId: string, revokedAt: string): Promise<boolean> {
  const result = await db
    .updateTable('share_links')
    .set({ revoked_at: revokedAt })
    .where('id', '=', linkId)
    .where('session_id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
