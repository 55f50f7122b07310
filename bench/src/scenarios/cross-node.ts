import { now, sleep } from '../clock.js';
import { checkDatabase, mergeTruth } from '../db-check.js';
import type { SeqResult } from '../simulator/messages.js';
import { percentile, round } from '../stats.js';
import type { CrossNode, ScenarioContext } from './context.js';
import { EPOCH_MS, epochSlides, voteToScreen } from './sustained.js';

/**
 * Slide changes as the phones connected to node 2 saw them: the presenter's goto went to node 1, so every one of these
 * crossed between the nodes. Collects nothing with one node.
 */
export class CrossNodeChanges {
  private readonly latencies: number[] = [];
  private missing = 0;

  constructor(private readonly ctx: ScenarioContext) {}

  /** One change: every worker's arrivals, of which the node-2 worker's count. */
  add(results: SeqResult[], sentAt: number): void {
    const result = this.ctx.crossNode ? results[this.ctx.crossNode.worker] : undefined;
    if (!result) return;
    for (const at of result.arrivals) this.latencies.push(at - sentAt);
    this.missing += result.missing;
  }

  details(): Record<string, unknown> {
    if (!this.ctx.crossNode) return {};
    return {
      cross_node_slide_change_p50_ms: round(percentile(this.latencies, 50)),
      cross_node_slide_change_p99_ms: round(percentile(this.latencies, 99)),
      cross_node_missing_deliveries: this.missing,
    };
  }
}

export interface CrossNodeOptions {
  /** Answers per second from the node-2 phones. */
  rate: number;
  durationMs: number;
}

export interface CrossNodeOutcome {
  phones: number;
  rate: number;
  seconds: number;
  sent: number;
  acked: number;
  ack_p50_ms: number | null;
  ack_p99_ms: number | null;
  /** Vote → screen on node 1's big screen (the answers crossed between the nodes) and on node 2's (they did not). */
  other_node: ScreenLatency;
  same_node: ScreenLatency;
  lost: number;
  double_counted: number;
}

interface ScreenLatency {
  p50_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  measured: number;
  unseen: number;
}

/**
 * Cross-node vote → screen. Only the phones connected to node 2 directly answer, at a steady rate in the sustained
 * scenario's epochs, while every other phone holds still, so each count on a big screen maps to answers one by one.
 * Every answer is committed on node 2: node 1's screen learns of it from node 2, node 2's from itself. Then the
 * answers are counted in the database as after any scenario.
 */
export async function crossNodeVotes(ctx: ScenarioContext, crossNode: CrossNode, options: CrossNodeOptions): Promise<CrossNodeOutcome> {
  const slides = await epochSlides(ctx);
  const epochOrigin = now();
  const startAt = now() + 200;
  const results = await ctx.pool.each('sustained', (index) => ({
    startAt,
    durationMs: options.durationMs,
    // The other workers send nothing but still record their phones on each epoch's option, which the screens count too.
    rate: index === crossNode.worker ? options.rate : 0,
    epochOrigin,
    epochMs: EPOCH_MS,
    slides,
    graceMs: 3_000,
  }));
  // What reaches a screen late is still a measurement; what has not arrived by then counts as unseen.
  await sleep(2_000);
  const screen = (presenter: CrossNode['presenter']): ScreenLatency => {
    const latency = voteToScreen(presenter, slides, results, epochOrigin);
    return {
      p50_ms: round(latency.p50),
      p99_ms: round(latency.p99),
      max_ms: round(latency.max),
      measured: latency.measured,
      unseen: latency.unseen,
    };
  };
  const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 5_000 }));
  const integrity = await checkDatabase(
    ctx.server.store,
    ctx.session.sessionId,
    truth.slides,
    slides.map((slide) => slide.id),
  );
  const mine = results[crossNode.worker];
  const acks = mine ? Array.from(mine.ackedAt, (at, i) => at - (mine.sentAt[i] as number)).filter(Number.isFinite) : [];
  const outcome: CrossNodeOutcome = {
    phones: (await ctx.pool.all('stats', {}))[crossNode.worker]?.joined ?? 0,
    rate: options.rate,
    seconds: options.durationMs / 1000,
    sent: mine?.sent ?? 0,
    acked: mine?.acked ?? 0,
    ack_p50_ms: round(percentile(acks, 50)),
    ack_p99_ms: round(percentile(acks, 99)),
    other_node: screen(ctx.presenter),
    same_node: screen(crossNode.presenter),
    lost: integrity.lost,
    double_counted: integrity.doubleCounted,
  };
  ctx.log(
    `cross-node: ${outcome.acked}/${outcome.sent} answers on node 2; vote→screen p50/p99 on node 1 ${outcome.other_node.p50_ms}/${outcome.other_node.p99_ms} ms ` +
      `(${outcome.other_node.unseen} unseen), on node 2 ${outcome.same_node.p50_ms}/${outcome.same_node.p99_ms} ms; lost ${outcome.lost}, double ${outcome.double_counted}`,
  );
  return outcome;
}
