import type { SessionReport, SessionSummary } from '@ettor/protocol';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import * as presentationsRepo from '../presentations/presentations.repository.js';
import { buildSlideReports } from '../results/report.js';
import * as sessionsRepo from '../sessions/sessions.repository.js';
import * as repo from './reports.repository.js';

export type ReportsService = ReturnType<typeof createReportsService>;

/** Results that outlive the talk: a deck's sessions, and a session's results with the deck's anonymity threshold. */
export function createReportsService(deps: { db: Db }) {
  const { db } = deps;

  return {
    /** Every session of a deck the user owns, live and ended; someone else's deck is reported as missing. */
    async listSessions(userId: string, presentationId: string): Promise<SessionSummary[]> {
      const deck = await presentationsRepo.findPresentation(db, presentationId);
      if (!deck || deck.owner_id !== userId) throw new AppError('not_found', 'There is no such presentation.');
      return repo.listSessionSummaries(db, { presentationId });
    },

    /** A session's report, live or ended; `segmentBy` names a single-choice question to split every result by. */
    async report(userId: string, sessionId: string, segmentBy: string | null): Promise<SessionReport> {
      // One snapshot, so the counts in the summary agree with the results while answers are still arriving.
      const read = await db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const session = await sessionsRepo.findSession(trx, sessionId);
          if (!session || session.owner_id !== userId) throw new AppError('not_found', 'There is no such session.');
          const deck = await presentationsRepo.findPresentation(trx, session.presentation_id);
          const [summary] = await repo.listSessionSummaries(trx, { sessionId });
          // A session's deck is deleted with it, so both are there whenever the session is.
          if (!deck || !summary) throw new AppError('not_found', 'There is no such session.');
          return {
            deck,
            summary,
            slides: await presentationsRepo.listSlides(trx, deck.id),
            answers: await repo.listCurrentAnswers(trx, sessionId),
            hiddenWords: await repo.listHiddenWords(trx, sessionId),
          };
        });
      const threshold = read.deck.anonymity_threshold;
      const built = buildSlideReports({ slides: read.slides, answers: read.answers, hiddenWords: read.hiddenWords, segmentBy, threshold });
      if (!built.ok) throw AppError.from(built.problem);
      return {
        session: read.summary,
        presentationTitle: read.deck.title,
        anonymityThreshold: threshold,
        segmentBy: built.segmentBy,
        slides: built.slides,
      };
    },
  };
}
