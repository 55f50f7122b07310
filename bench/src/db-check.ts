import type { SlideTruth, TruthResult } from './simulator/messages.js';
import { type StoreLocation, readStore } from './store.js';
import { addCount } from './tally-keys.js';

export interface IntegrityReport {
  /** Acknowledged answers the database does not hold. */
  lost: number;
  /** Stored rows no answer explains: an answer counted twice, or stored for a phone that holds another. */
  doubleCounted: number;
  /** Stored rows of answers whose ack had not arrived yet when the check ran: neither lost nor double. */
  awaitingAck: number;
  stored: number;
  acknowledged: number;
  bySlide: Record<string, { stored: number; acknowledged: number; lost: number; doubleCounted: number; awaitingAck: number }>;
}

/** What phones hold on a slide nobody answered. */
export const emptyTruth = (): SlideTruth => ({ respondents: 0, counts: new Map(), clientIds: [], pendingClientIds: [] });

/** Merges the workers' views: each phone lives in exactly one worker. */
export function mergeTruth(truths: TruthResult[]): { slides: Record<string, SlideTruth>; pending: number } {
  const slides: Record<string, SlideTruth> = {};
  let pending = 0;
  for (const truth of truths) {
    pending += truth.pending;
    for (const [slideId, part] of Object.entries(truth.slides)) {
      const into = slides[slideId] ?? emptyTruth();
      into.respondents += part.respondents;
      for (const [key, count] of part.counts) addCount(into.counts, key, count);
      for (const id of part.clientIds) into.clientIds.push(id);
      for (const id of part.pendingClientIds) into.pendingClientIds.push(id);
      slides[slideId] = into;
    }
  }
  return { slides, pending };
}

/**
 * Compares what phones hold as acknowledged with the server's store (its own SQLite file, opened read-only, or the
 * nodes' PostgreSQL): each phone's last acked clientId per slide must be a stored row, and every stored row must be one of them.
 */
export function checkDatabase(
  store: StoreLocation,
  sessionId: string,
  slides: Record<string, SlideTruth>,
  slideIds: string[],
): Promise<IntegrityReport> {
  return readStore(store, async (query) => {
    const report: IntegrityReport = { lost: 0, doubleCounted: 0, awaitingAck: 0, stored: 0, acknowledged: 0, bySlide: {} };
    for (const slideId of slideIds) {
      const rows = await query<{ client_id: string }>('SELECT client_id FROM responses WHERE session_id = ? AND slide_id = ?', [
        sessionId,
        slideId,
      ]);
      const stored = new Set(rows.map((row) => row.client_id));
      const acked = slides[slideId]?.clientIds ?? [];
      let matched = 0;
      for (const id of acked) if (stored.has(id)) matched += 1;
      let awaitingAck = 0;
      for (const id of slides[slideId]?.pendingClientIds ?? []) if (stored.has(id)) awaitingAck += 1;
      const lost = acked.length - matched;
      const doubleCounted = rows.length - matched - awaitingAck;
      report.bySlide[slideId] = { stored: rows.length, acknowledged: acked.length, lost, doubleCounted, awaitingAck };
      report.lost += lost;
      report.doubleCounted += doubleCounted;
      report.awaitingAck += awaitingAck;
      report.stored += rows.length;
      report.acknowledged += acked.length;
    }
    return report;
  });
}

export interface QaIntegrityReport {
  /** Confirmed questions the database does not hold, and confirmed upvotes it does not count. */
  lostQuestions: number;
  lostUpvotes: number;
  /** Stored questions no ask explains, and stored upvotes beyond the confirmed ones and those never answered. */
  doubleQuestions: number;
  doubleUpvotes: number;
  storedQuestions: number;
  storedUpvotes: number;
}

/**
 * A Q&A against the server's store: every confirmed question stored under its clientId, and per question as many
 * stored upvotes as phones hold confirmed. Upvotes the server never answered may or may not be stored; up to
 * `unansweredUpvotes` extra ones are theirs.
 */
export function checkQaDatabase(
  store: StoreLocation,
  sessionId: string,
  slideId: string,
  truth: SlideTruth,
  unansweredUpvotes: number,
): Promise<QaIntegrityReport> {
  return readStore(store, async (query) => {
    const questions = await query<{ client_id: string }>('SELECT client_id FROM qa_questions WHERE session_id = ? AND slide_id = ?', [
      sessionId,
      slideId,
    ]);
    const votes = await query<{ question_id: string; n: number | string }>(
      `SELECT v.question_id, COUNT(*) AS n FROM qa_votes v JOIN qa_questions q ON q.id = v.question_id
       WHERE q.session_id = ? AND q.slide_id = ? GROUP BY v.question_id`,
      [sessionId, slideId],
    );
    const storedClientIds = new Set(questions.map((row) => row.client_id));
    const matched = truth.clientIds.filter((id) => storedClientIds.has(id)).length;
    const awaitingAck = truth.pendingClientIds.filter((id) => storedClientIds.has(id)).length;
    const storedVotes = new Map(votes.map((row) => [row.question_id, Number(row.n)]));
    let lostUpvotes = 0;
    let extraUpvotes = 0;
    for (const [questionId, confirmed] of truth.counts) lostUpvotes += Math.max(0, confirmed - (storedVotes.get(questionId) ?? 0));
    for (const [questionId, stored] of storedVotes) extraUpvotes += Math.max(0, stored - (truth.counts.get(questionId) ?? 0));
    return {
      lostQuestions: truth.clientIds.length - matched,
      lostUpvotes,
      doubleQuestions: questions.length - matched - awaitingAck,
      doubleUpvotes: Math.max(0, extraUpvotes - unansweredUpvotes),
      storedQuestions: questions.length,
      storedUpvotes: [...storedVotes.values()].reduce((sum, n) => sum + n, 0),
    };
  });
}
