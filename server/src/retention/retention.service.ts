import type { Settings } from '@ettor/protocol';
import type { Clock } from '../clock.js';
import type { Db } from '../db/database.js';
import { deleteAudienceData } from '../sessions/sessions.repository.js';
import * as repo from './retention.repository.js';

const DAY_MS = 86_400_000;

/** How often the job runs; the setting is in whole days, so an hour late is close enough. */
export const RETENTION_INTERVAL_MS = 3_600_000;

export interface RetentionDeps {
  db: Db;
  clock: Clock;
  /** Read on every run, so a changed setting applies from the next. */
  settings: () => Promise<Pick<Settings, 'answerRetentionDays'>>;
}

export type RetentionService = ReturnType<typeof createRetentionService>;

/** The answer-retention setting carried out: answers deleted a set number of days after their session ended. */
export function createRetentionService(deps: RetentionDeps) {
  const { db, clock } = deps;
  return {
    /**
     * Deletes the participants, answers, hidden words and share links of every session that ended more than the set
     * number of days ago, and marks the session so; its deck, slides and times stay. Returns how many sessions it purged.
     */
    async runOnce(): Promise<{ sessions: number }> {
      const days = (await deps.settings()).answerRetentionDays;
      if (days === null) return { sessions: 0 };
      const now = clock.now();
      const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
      let sessions = 0;
      for (const sessionId of await repo.findSessionsDue(db, cutoff)) {
        // One transaction per session: a session is purged whole or not at all, whatever happens to the others.
        const purged = await db.transaction().execute(async (trx) => {
          if (!(await repo.markAnswersPurged(trx, sessionId, cutoff, now.toISOString()))) return false;
          await deleteAudienceData(trx, sessionId);
          return true;
        });
        if (purged) sessions += 1;
      }
      return { sessions };
    },
  };
}

export interface RetentionLog {
  info(object: unknown, message: string): void;
  error(object: unknown, message: string): void;
}

/**
 * Runs the job now and then every interval, one run at a time, on a timer that does not keep the process alive.
 * Logs counts and errors only, never what was deleted. Returns a stop that waits for a run under way.
 */
export function scheduleRetention(service: RetentionService, log: RetentionLog, intervalMs = RETENTION_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = (): void => {
    running ??= service
      .runOnce()
      .then(
        ({ sessions }) => {
          if (sessions > 0) log.info({ sessions }, 'answer retention: deleted the answers of ended sessions');
        },
        (error: unknown) => log.error({ err: error }, 'answer retention failed'),
      )
      .finally(() => {
        running = undefined;
      });
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
