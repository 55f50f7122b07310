import { now, sleep } from '../clock.js';
import { checkDatabase, emptyTruth, mergeTruth } from '../db-check.js';
import { percentile, round } from '../stats.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';
import { completeAt } from './screen.js';

export interface BurstOptions {
  /** Hard limit for the acks after the one-second window. */
  timeoutMs: number;
}

/**
 * burst: every phone answers the first choice question within one second (2 % tap twice, which must not count
 * twice). Measures until every ack and until the big screen's tally is complete, then counts what the database
 * holds against what was acknowledged.
 */
export async function burst(ctx: ScenarioContext, options: BurstOptions): Promise<ScenarioOutcome> {
  const slide = ctx.session.slides.find((s) => s.kind === 'choice');
  if (!slide) throw new Error('the deck has no choice slide');
  const { seq } = await ctx.presenter.goto(slide.id);
  await ctx.pool.all('seq', { seq, timeoutMs: 15_000 });
  await sleep(500);
  const startAt = now() + 200;
  const rounds = await ctx.pool.all('round', {
    slideId: slide.id,
    share: 1,
    startAt,
    windowMs: 1_000,
    dupShare: 0.02,
    dropShare: 0,
    timeoutMs: options.timeoutMs,
  });
  const sent = rounds.reduce((sum, r) => sum + r.sent, 0);
  const acked = rounds.reduce((sum, r) => sum + r.acked, 0);
  const lastAckAt = Math.max(...rounds.map((r) => r.lastAckAt));
  const latencies = rounds.flatMap((r) => Array.from(r.ackLatencies));
  const errors = mergeCounts(rounds.map((r) => r.errors));
  // Answers still unacknowledged at the time limit get a while to land, so the next scenario starts from a quiet server.
  const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 20_000 }));
  const slideTruth = truth.slides[slide.id] ?? emptyTruth();
  const tallyAt = await completeAt(ctx.presenter, slide.id, slideTruth, 10_000);
  const integrity = await checkDatabase(ctx.server.store, ctx.session.sessionId, truth.slides, [slide.id]);
  const allAckedMs = acked === sent && sent > 0 ? lastAckAt - startAt : null;
  ctx.log(
    `burst: ${acked}/${sent} acked, all acked ${round(allAckedMs)} ms, tally complete ${round(tallyAt === undefined ? undefined : tallyAt - startAt)} ms, lost ${integrity.lost}, double ${integrity.doubleCounted}`,
  );
  return {
    figures: { burst_all_acked_ms: round(allAckedMs), lost: integrity.lost, double_counted: integrity.doubleCounted },
    details: {
      slide: slide.id,
      sent,
      acked,
      unsettled: rounds.reduce((sum, r) => sum + r.unsettled, 0),
      last_ack_ms: round(lastAckAt - startAt),
      ack_p50_ms: round(percentile(latencies, 50)),
      ack_p99_ms: round(percentile(latencies, 99)),
      presenter_tally_complete_ms: round(tallyAt === undefined ? undefined : tallyAt - startAt),
      errors,
      stored: integrity.stored,
      stored_awaiting_ack: integrity.awaitingAck,
      acknowledged: integrity.acknowledged,
      pending_after: truth.pending,
    },
  };
}

export function mergeCounts(parts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const part of parts) for (const [key, value] of Object.entries(part)) total[key] = (total[key] ?? 0) + value;
  return total;
}
