import { COMPARED_RUNS, type SessionComparison, type SessionSummary, type SlideReport, hasResults, withoutNotes } from '@ettor/protocol';
import type { Db, Queryable } from '../db/database.js';
import { AppError } from '../http/errors.js';
import * as qaRepo from '../qa/qa.repository.js';
import * as presentationsRepo from '../presentations/presentations.repository.js';
import { compareRuns } from '../results/compare.js';
import { buildSlideReports } from '../results/report.js';
import * as sessionsRepo from '../sessions/sessions.repository.js';
import * as repo from './reports.repository.js';

const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/u;

export type CompareService = ReturnType<typeof createCompareService>;

/** Runs of one deck side by side, each counted as its own report counts it. Read-only. */
export function createCompareService(deps: { db: Db }) {
  const { db } = deps;

  /** The sessions, oldest first, when the user hosts every one and they ran one deck. */
  async function hostedRuns(
    trx: Queryable,
    userId: string,
    sessionIds: readonly string[],
  ): Promise<{ presentationId: string; sessions: SessionSummary[] }> {
    const decks = new Set<string>();
    for (const sessionId of sessionIds) {
      const session = await sessionsRepo.findSession(trx, sessionId);
      // Checked for every session before the decks are, so someone else's session is never told apart from a missing one.
      if (!session || session.owner_id !== userId) throw new AppError('not_found', `There is no session ${sessionId}.`);
      decks.add(session.presentation_id);
    }
    const [presentationId, ...others] = decks;
    if (presentationId === undefined || others.length > 0) {
      throw new AppError(
        'not_same_deck',
        'These sessions are runs of different presentations; only runs of one presentation can be compared.',
      );
    }
    const wanted = new Set(sessionIds);
    // The deck's list is newest first; the first run is the baseline the others are read against.
    const sessions = (await repo.listSessionSummaries(trx, { presentationId })).filter((summary) => wanted.has(summary.id)).reverse();
    return { presentationId, sessions };
  }

  return {
    /** Two to ten sessions of one deck that the user hosts, oldest first, each slide's results per run with the deck's k. */
    async compare(userId: string, sessionIds: readonly string[]): Promise<SessionComparison> {
      checkSessionIds(sessionIds);
      // One snapshot, so every run is counted at the same moment even while one of them is still live.
      return db
        .transaction()
        .setIsolationLevel('repeatable read')
        .setAccessMode('read only')
        .execute(async (trx) => {
          const { presentationId, sessions } = await hostedRuns(trx, userId, sessionIds);
          const deck = await presentationsRepo.findPresentation(trx, presentationId);
          // A session's deck is deleted with it, so the deck is there whenever its sessions are.
          if (!deck) throw new AppError('not_found', 'There is no such presentation.');
          const slides = await presentationsRepo.listSlides(trx, presentationId);
          const runs: SlideReport[][] = [];
          for (const session of sessions) {
            const built = buildSlideReports({
              slides,
              answers: await repo.listCurrentAnswers(trx, session.id),
              words: await repo.readSessionWords(trx, session.id, deck),
              segmentBy: null,
              threshold: deck.anonymity_threshold,
              questions: await qaRepo.listQuestions(trx, session.id),
              play: await repo.readQuizPlay(trx, session.id),
            });
            if (!built.ok) throw AppError.from(built.problem);
            runs.push(built.slides);
          }
          return {
            presentationId,
            presentationTitle: deck.title,
            anonymityThreshold: deck.anonymity_threshold,
            sessions,
            slides: compareRuns(runs),
            questions: slides.filter(hasResults).map(withoutNotes),
          };
        });
    },
  };
}

function checkSessionIds(sessionIds: readonly string[]): void {
  const { min, max } = COMPARED_RUNS;
  const notAnId = sessionIds.find((id) => !SESSION_ID.test(id));
  if (notAnId !== undefined) {
    throw new AppError('validation_failed', `sessions: give session ids separated by commas; ${JSON.stringify(notAnId)} is not one.`);
  }
  if (sessionIds.length < min || sessionIds.length > max) {
    throw new AppError('validation_failed', `sessions: compare ${min} to ${max} sessions, not ${sessionIds.length}.`);
  }
  const twice = sessionIds.find((id, index) => sessionIds.indexOf(id) !== index);
  if (twice !== undefined) throw new AppError('validation_failed', `sessions: session ${twice} is given twice; compare each run once.`);
}
