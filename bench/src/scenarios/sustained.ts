import { hasResults } from '@ettor/protocol';
import { now, sleep } from '../clock.js';
import { checkDatabase, mergeTruth } from '../db-check.js';
import type { Presenter, Snapshot } from '../presenter.js';
import { cpuSeconds, total } from '../proc-stats.js';
import type { SustainedArgs, SustainedResult, SustainedSlide } from '../simulator/messages.js';
import { max, percentile, round } from '../stats.js';
import { mergeCounts } from './burst.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';
import { firstAtOrAfter } from './screen.js';

/** The rule the issue sets for a rate to count as held. */
const ACK_P99_LIMIT_MS = 100;
export const EPOCH_MS = 500;

export interface SustainedOptions {
  stepMs: number;
  steadyMs: number;
  firstRate: number;
  /** Highest rate offered: phones stay far below their 10 messages/s and the simulator keeps up. */
  maxRate: number;
  /** Refinements between the last held and the first failed rate. */
  bisections: number;
  /** Steady runs retried at a lower rate when the full-length run falls behind. */
  steadyRetries: number;
}

interface Step {
  rate: number;
  sent: number;
  acked: number;
  unsettled: number;
  starved: number;
  offeredPerS: number;
  ackedPerS: number;
  ackP50: number | null;
  ackP99: number | null;
  cpuSeconds: number;
  simulatorCpuSeconds: number;
  errors: Record<string, number>;
  held: boolean;
  why: string;
}

/**
 * sustained: a steady offered rate of answers on the deck's choice slides, in rising steps until the server
 * falls behind (ack p99 over 100 ms, an answer left unacknowledged, or the rate not reached); then 20 s at the
 * highest held rate for CPU per answer and vote → big-screen latency.
 */
export async function sustained(ctx: ScenarioContext, options: SustainedOptions): Promise<ScenarioOutcome> {
  const slides = await epochSlides(ctx);
  const epochOrigin = now();
  const workers = ctx.pool.pids.length;

  const run = async (
    rate: number,
    durationMs: number,
  ): Promise<{ step: Step; results: SustainedResult[]; startAt: number; seconds: number }> => {
    const startAt = now() + 200;
    const cpuFrom = now();
    const cpuBefore = total(ctx.server.pids, cpuSeconds);
    const simBefore = total(ctx.pool.pids, cpuSeconds);
    const results = await ctx.pool.each('sustained', (): SustainedArgs => ({
      startAt,
      durationMs,
      rate: rate / workers,
      epochOrigin,
      epochMs: EPOCH_MS,
      slides,
      graceMs: 3_000,
    }));
    const cpu = total(ctx.server.pids, cpuSeconds) - cpuBefore;
    const seconds = (now() - cpuFrom) / 1000;
    // The simulator shares the two cores; its own CPU says how much of the machine the server had.
    const simCpu = total(ctx.pool.pids, cpuSeconds) - simBefore;
    const sent = results.reduce((sum, r) => sum + r.sent, 0);
    const acked = results.reduce((sum, r) => sum + r.acked, 0);
    const unsettled = results.reduce((sum, r) => sum + r.unsettled, 0);
    const starved = results.reduce((sum, r) => sum + r.starved, 0);
    const latencies: number[] = [];
    let lastAck = startAt;
    for (const r of results) {
      r.ackedAt.forEach((at, i) => {
        if (Number.isNaN(at)) return;
        latencies.push(at - (r.sentAt[i] as number));
        lastAck = Math.max(lastAck, at);
      });
    }
    const ackP99 = percentile(latencies, 99) ?? null;
    const errors = mergeCounts(results.map((r) => r.errors));
    const errorCount = Object.values(errors).reduce((a, b) => a + b, 0);
    const offered = (rate * durationMs) / 1000;
    let why = 'held';
    if (sent < offered * 0.95) why = starved > 0 ? 'too few phones free to answer' : 'the simulator could not offer the rate';
    else if (unsettled > 0) why = `${unsettled} answers not acknowledged within 3 s`;
    else if (errorCount > 0) why = `${errorCount} answers refused`;
    else if (ackP99 === null || ackP99 > ACK_P99_LIMIT_MS) why = `ack p99 ${round(ackP99)} ms`;
    const step: Step = {
      rate,
      sent,
      acked,
      unsettled,
      starved,
      offeredPerS: round(sent / (durationMs / 1000)) ?? 0,
      ackedPerS: round(acked / ((Math.max(lastAck, startAt + durationMs) - startAt) / 1000)) ?? 0,
      ackP50: round(percentile(latencies, 50)),
      ackP99: round(ackP99),
      cpuSeconds: round(cpu, 3) ?? 0,
      simulatorCpuSeconds: round(simCpu, 3) ?? 0,
      errors,
      held: why === 'held',
      why,
    };
    ctx.log(`sustained: ${rate}/s → ${step.ackedPerS}/s acked, ack p99 ${step.ackP99} ms, ${why}`);
    return { step, results, startAt, seconds };
  };

  const steps: Step[] = [];
  let good: number | undefined;
  let bad: number | undefined;
  for (let rate = options.firstRate; rate <= options.maxRate; rate *= 2) {
    const { step } = await run(Math.round(rate), options.stepMs);
    steps.push(step);
    if (step.held) good = step.rate;
    else {
      bad = step.rate;
      break;
    }
    await sleep(500);
  }
  for (let i = 0; i < options.bisections && good !== undefined && bad !== undefined; i += 1) {
    const rate = Math.round(Math.sqrt(good * bad));
    if (rate <= good || rate >= bad) break;
    const { step } = await run(rate, options.stepMs);
    steps.push(step);
    if (step.held) good = rate;
    else bad = rate;
    await sleep(500);
  }

  // The steady run: the full time at the highest held rate. A short step can hold a rate that 20 s cannot (tallies
  // grow, the WAL grows, the collector runs), so a steady run that falls behind is retried at 70 % of its rate.
  let steadyRate = good ?? options.firstRate;
  let steady = await run(steadyRate, options.steadyMs);
  for (let retry = 0; retry < options.steadyRetries && good !== undefined && !steady.step.held; retry += 1) {
    await sleep(1_000);
    steadyRate = Math.round(steadyRate * 0.7);
    steady = await run(steadyRate, options.steadyMs);
  }
  await sleep(500);
  const toScreen = voteToScreen(ctx.presenter, slides, steady.results, epochOrigin);
  const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 5_000 }));
  const integrity = await checkDatabase(
    ctx.server.store,
    ctx.session.sessionId,
    truth.slides,
    slides.map((s) => s.id),
  );
  const perThousand = steady.step.acked > 0 ? (steady.step.cpuSeconds / steady.step.acked) * 1000 : null;
  // The same without what the room costs when nobody answers (10,000 phones' heartbeats), which weighs most on a slow rate.
  const idleCpu = ctx.idleCpuPerS * steady.seconds;
  const perThousandAboveIdle = steady.step.acked > 0 ? (Math.max(0, steady.step.cpuSeconds - idleCpu) / steady.step.acked) * 1000 : null;
  const heldSteady = steady.step.held && good !== undefined;
  // The rate is the steady run's when it held for the full time; otherwise the best short step's, flagged as such.
  const best = steps.filter((step) => step.held).sort((a, b) => b.ackedPerS - a.ackedPerS)[0];
  const rate = heldSteady ? steady.step.ackedPerS : (best?.ackedPerS ?? 0);
  ctx.log(
    `sustained: steady ${steadyRate}/s ${heldSteady ? 'held' : `not held (${steady.step.why})`}, ${round(perThousand, 3)} CPU-s per 1000, vote→screen p99 ${round(toScreen.p99)} ms`,
  );
  return {
    figures: {
      sustained_votes_per_s: rate,
      cpu_s_per_1000_votes: round(perThousand, 3),
      vote_to_presenter_p99_ms: round(toScreen.p99),
      lost: integrity.lost,
      double_counted: integrity.doubleCounted,
    },
    details: {
      highest_held_rate: good ?? null,
      first_failed_rate: bad ?? null,
      steady_rate: steadyRate,
      steady_held: heldSteady,
      rate_source: heldSteady ? `held for ${options.steadyMs / 1000} s` : `best ${options.stepMs / 1000} s step; no steady run held`,
      steady: steady.step,
      answers_per_cpu_s: perThousand ? Math.round(1000 / perThousand) : null,
      cpu_s_per_1000_votes_above_idle: round(perThousandAboveIdle, 3),
      answers_per_cpu_s_above_idle: perThousandAboveIdle ? Math.round(1000 / perThousandAboveIdle) : null,
      idle_server_cpu_per_s: round(ctx.idleCpuPerS, 3),
      vote_to_presenter_p50_ms: round(toScreen.p50),
      vote_to_presenter_unseen: toScreen.unseen,
      steps,
    },
  };
}

/**
 * The slides answers move between in epochs: every choice slide with three or more options. The big screen shows a
 * content slide meanwhile, so that what is measured is answers and their results to the host, not the once-a-second
 * results every phone gets on a choice slide with showResultsOnPhones (the burst has those).
 */
export async function epochSlides(ctx: ScenarioContext): Promise<SustainedSlide[]> {
  const slides: SustainedSlide[] = ctx.session.slides.flatMap((s) =>
    s.kind === 'choice' && s.options.length >= 3 ? [{ id: s.id, optionIds: s.options.map((o) => o.id) }] : [],
  );
  if (slides.length === 0) throw new Error('the deck has no choice slide with three or more options');
  const quiet = ctx.session.slides.find((s) => !hasResults(s));
  if (quiet) {
    const { seq } = await ctx.presenter.goto(quiet.id);
    await ctx.pool.all('seq', { seq, timeoutMs: 10_000 });
  }
  return slides;
}

/**
 * Vote → big-screen latency. In epoch e each answer to a slide moves one phone onto option e mod k, and nothing
 * leaves that option meanwhile, so from the epoch's start its count on the screen rises by one per stored answer:
 * the i-th acked answer is on the screen once a snapshot shows base + i. Latency is the first such snapshot at or
 * after the answer's send, minus the send.
 */
export function voteToScreen(presenter: Presenter, slides: SustainedSlide[], results: SustainedResult[], epochOrigin: number) {
  const groups = new Map<string, { sent: number; acked: number }[]>();
  const bases = new Map<string, number>();
  for (const r of results) {
    for (const record of r.epochs) {
      const key = `${record.epoch}/${record.slide}`;
      bases.set(key, (bases.get(key) ?? 0) + record.base);
    }
    r.ackedAt.forEach((acked, i) => {
      if (Number.isNaN(acked)) return;
      const key = `${r.answerEpoch[i]}/${r.answerSlide[i]}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push({ sent: r.sentAt[i] as number, acked });
    });
  }
  const latencies: number[] = [];
  let unseen = 0;
  for (const [key, answers] of groups) {
    const [epoch, slideIndex] = key.split('/').map(Number) as [number, number];
    const slide = slides[slideIndex];
    if (!slide) continue;
    const optionId = slide.optionIds[epoch % slide.optionIds.length] ?? '';
    const base = bases.get(key) ?? 0;
    const snapshots: Snapshot[] = presenter.snapshots.get(slide.id) ?? [];
    // Before the epoch began the option's count may have been higher (phones left it two epochs ago).
    let at = firstAtOrAfter(snapshots, epochOrigin + epoch * EPOCH_MS);
    answers.sort((a, b) => a.acked - b.acked);
    answers.forEach((answer, i) => {
      while (at < snapshots.length && ((snapshots[at] as Snapshot).counts.get(optionId) ?? 0) < base + i + 1) at += 1;
      const shown = snapshots[Math.max(at, firstAtOrAfter(snapshots, answer.sent))];
      if (at < snapshots.length && shown) latencies.push(shown.at - answer.sent);
      else unseen += 1;
    });
  }
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: max(latencies), measured: latencies.length, unseen };
}
