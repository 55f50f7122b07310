import { randomBytes } from 'node:crypto';
import type { SharedReport, ShareLink } from '@ettor/protocol';
import { type Clock, newId } from '../clock.js';
import type { Db } from '../db/database.js';
import type { ShareLinkRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { ReportsService } from '../reports/reports.service.js';
import * as sessionsRepo from '../sessions/sessions.repository.js';
import * as repo from './share-links.repository.js';

export type ShareLinksService = ReturnType<typeof createShareLinksService>;

/** The secret of a link: 256 random bits, 43 characters of base64url. */
export const newShareToken = (): string => randomBytes(32).toString('base64url');

const present = (row: ShareLinkRow): ShareLink => ({
  id: row.id,
  token: row.token,
  path: `/app/shared/${row.token}`,
  createdAt: row.created_at,
});

/** Read-only links to a session's results: made, listed and revoked by its presenter, opened by anyone who has one. */
export function createShareLinksService(deps: { db: Db; clock: Clock; reports: ReportsService }) {
  const { db, clock, reports } = deps;

  /** Someone else's session is reported as missing, as everywhere. */
  async function ownedSession(userId: string, sessionId: string): Promise<void> {
    const session = await sessionsRepo.findSession(db, sessionId);
    if (!session || session.owner_id !== userId) throw new AppError('not_found', 'There is no such session.');
  }

  return {
    /** The links that still open, newest first; revoked ones are not listed. */
    async list(userId: string, sessionId: string): Promise<ShareLink[]> {
      await ownedSession(userId, sessionId);
      return (await repo.listOpenShareLinks(db, sessionId)).map(present);
    },

    async create(userId: string, sessionId: string): Promise<ShareLink> {
      await ownedSession(userId, sessionId);
      const row: ShareLinkRow = {
        id: newId(),
        session_id: sessionId,
        token: newShareToken(),
        created_at: clock.now().toISOString(),
        revoked_at: null,
      };
      await repo.insertShareLink(db, row);
      return present(row);
    },

    /** From now on the link answers not_found; revoking it again, or a link of another session, is not_found too. */
    async revoke(userId: string, sessionId: string, linkId: string): Promise<void> {
      await ownedSession(userId, sessionId);
      if (!(await repo.revokeShareLink(db, sessionId, linkId, clock.now().toISOString()))) {
        throw new AppError('not_found', 'There is no such link.');
      }
    },

    /** The session's report through a link: the same answer for a token never made and one revoked. */
    async report(token: string, segmentBy: string | null): Promise<SharedReport> {
      const link = await repo.findOpenShareLink(db, token);
      if (!link) throw new AppError('not_found', 'There is no such link, or it has been revoked.');
      return reports.sharedReport(link.session_id, segmentBy);
    },
  };
}
