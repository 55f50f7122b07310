import type { QaSlide } from '@ettor/protocol';
import { now, sleep } from '../clock.js';
import { type QaIntegrityReport, checkQaDatabase, emptyTruth, mergeTruth } from '../db-check.js';
import type { Snapshot } from '../presenter.js';
import { cpuSeconds, total } from '../proc-stats.js';
import type { AskResult, SlideTruth, UpvoteResult } from '../simulator/messages.js';
import { max, percentile, round } from '../stats.js';
import type { ServerKind } from '../types.js';
import { mergeCounts } from './burst.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';
import { firstAtOrAfter } from './screen.js';

/** Only Ettor takes questions: the baselines speak the join, slide and answer protocol they were written for. */
export const takesQuestions = (server: ServerKind): boolean => server === 'ettor';

export interface QaActivityOptions {
  /** Phones that ask one question each, spread over askMs. */
  questions: number;
  /** Upvotes spread over upvoteMs, once every question is in. */
  upvotes: number;
  askMs: number;
  upvoteMs: number;
  /** Shares of questions and upvotes sent twice with the same clientId, and of phones that drop right after sending. */
  dupShare: number;
  dropShare: number;
  /** How long confirmations may take after each window. */
  graceMs: number;
}

export interface QaActivity {
  asks: AskResult[];
  questionIds: string[];
  upvotes: UpvoteResult[];
  upvoteWindowEndAt: number;
  /** Server CPU-seconds, and seconds, from the upvotes' start until the last was answered or the grace ran out. */
  upvoteCpuSeconds: number;
  upvoteSeconds: number;
  /** Meanwhile: the simulator's CPU-seconds (it shares the cores), and the results the phones received. */
  simulatorCpuSeconds: number;
  phoneResults: { messages: number; bytes: number };
}

/**
 * Questions from distinct phones, then upvotes on them by random other phones. The upvotes start once every question
 * is in: each worker learns the other workers' questions only from here, between its commands.
 */
export async function askAndUpvote(ctx: ScenarioContext, slideId: string, options: QaActivityOptions): Promise<QaActivity> {
  const workers = ctx.pool.pids.length;
  // Each worker's part of a total, rounded so that the parts add up to it.
  const part = (total: number, index: number) => Math.round((total * (index + 1)) / workers) - Math.round((total * index) / workers);
  const { dupShare, dropShare, graceMs } = options;
  const askStartAt = now() + 100;
  const asks = await ctx.pool.each('ask', (index) => ({
    slideId,
    count: part(options.questions, index),
    startAt: askStartAt,
    windowMs: options.askMs,
    dupShare,
    dropShare,
    timeoutMs: graceMs,
  }));
  const questionIds = asks.flatMap((result) => result.questionIds);
  const phoneResults = async () => {
    const stats = await ctx.pool.all('stats', {});
    return { messages: stats.reduce((sum, s) => sum + s.results, 0), bytes: stats.reduce((sum, s) => sum + s.resultsBytes, 0) };
  };
  const simulatorCpu = () => total(ctx.pool.pids, cpuSeconds);
  const resultsBefore = await phoneResults();
  const simulatorBefore = simulatorCpu();
  const cpuBefore = total(ctx.server.pids, cpuSeconds);
  const upvoteStartAt = now() + 100;
  const upvotes =
    questionIds.length === 0
      ? []
      : await ctx.pool.each('upvote', (index) => ({
          slideId,
          questionIds,
          count: part(options.upvotes, index),
          startAt: upvoteStartAt,
          windowMs: options.upvoteMs,
          dupShare,
          dropShare,
          graceMs,
        }));
  const upvoteCpuSeconds = total(ctx.server.pids, cpuSeconds) - cpuBefore;
  const upvoteSeconds = (now() - upvoteStartAt) / 1000;
  return {
    asks,
    questionIds,
    upvotes,
    upvoteWindowEndAt: upvoteStartAt + options.upvoteMs,
    upvoteCpuSeconds,
    upvoteSeconds,
    simulatorCpuSeconds: simulatorCpu() - simulatorBefore,
    phoneResults: await phoneResults().then(({ messages, bytes }) => ({
      messages: messages - resultsBefore.messages,
      bytes: bytes - resultsBefore.bytes,
    })),
  };
}

/** Totals of the questions and upvotes, for the reports. */
export function activityTotals(activity: QaActivity) {
  const sum = <T>(list: T[], read: (item: T) => number) => list.reduce((total, item) => total + read(item), 0);
  return {
    questionsSent: sum(activity.asks, (r) => r.sent),
    questionsAcked: sum(activity.asks, (r) => r.acked),
    questionsUnanswered: sum(activity.asks, (r) => r.unsettled),
    upvotesSent: sum(activity.upvotes, (r) => r.sent),
    upvotesAcked: sum(activity.upvotes, (r) => r.acked),
    upvotesUnanswered: sum(activity.upvotes, (r) => r.unsettled),
    upvotesUnpaired: sum(activity.upvotes, (r) => r.unpaired),
    confirmedOnResend: sum(activity.upvotes, (r) => r.confirmedOnResend),
    askErrors: mergeCounts(activity.asks.map((r) => r.errors)),
    upvoteErrors: mergeCounts(activity.upvotes.map((r) => r.errors)),
  };
}

/** What phones hold as confirmed against what they sent and the database: a Q&A's part of lost and double counted. */
export function qaLostAndDouble(totals: ReturnType<typeof activityTotals>, stored: QaIntegrityReport): { lost: number; double: number } {
  return {
    lost: totals.questionsUnanswered + totals.upvotesUnanswered + stored.lostQuestions + stored.lostUpvotes,
    double: stored.doubleQuestions + stored.doubleUpvotes,
  };
}

export interface QaOptions {
  questions: number;
  upvotes: number;
  askMs: number;
  upvoteMs: number;
  graceMs: number;
}

/**
 * qa: the presenter shows the Q&A; distinct phones ask a question each over the first sixth of the time, then random
 * phones upvote random other phones' questions, each phone a question at most once. Measures upvote → big screen,
 * server CPU per upvote, and checks every confirmed question and upvote against the screen and the database.
 */
export async function qa(ctx: ScenarioContext, options: QaOptions): Promise<ScenarioOutcome> {
  const slide = ctx.session.slides.find((s): s is QaSlide => s.kind === 'qa');
  if (!slide) throw new Error('the deck has no Q&A slide');
  const { seq } = await ctx.presenter.goto(slide.id);
  await ctx.pool.all('seq', { seq, timeoutMs: 15_000 });
  await sleep(500);
  const activity = await askAndUpvote(ctx, slide.id, { ...options, dupShare: 0, dropShare: 0 });
  const totals = activityTotals(activity);
  const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 5_000 }));
  const slideTruth = truth.slides[slide.id] ?? emptyTruth();
  const lastAckAt = max(activity.upvotes.flatMap((r) => Array.from(r.ackedAt).filter((at) => !Number.isNaN(at)))) ?? now();
  const screenDoneAt = await ctx.presenter.whenResults(slide.id, (snapshot) => showsListed(snapshot, slideTruth), 5_000);
  const latest = ctx.presenter.latest(slide.id);
  const screen = latest ? screenMismatch(latest, slideTruth) : { questions: 0, votes: 0 };
  const stored = await checkQaDatabase(ctx.server.store, ctx.session.sessionId, slide.id, slideTruth, totals.upvotesUnanswered);
  const { lost, double } = qaLostAndDouble(totals, stored);
  const toScreen = upvoteToScreen(ctx.presenter.snapshots.get(slide.id) ?? [], activity.questionIds, activity.upvotes);
  const upvoteLatencies = activity.upvotes.flatMap((r) =>
    Array.from(r.ackedAt, (at, i) => at - (r.sentAt[i] as number)).filter(Number.isFinite),
  );
  const askLatencies = activity.asks.flatMap((r) => Array.from(r.ackLatencies));
  const perThousand = totals.upvotesAcked > 0 ? (activity.upvoteCpuSeconds / totals.upvotesAcked) * 1000 : null;
  // The same without what the room costs when nobody does anything: every phone's heartbeat.
  const idleCpu = ctx.idleCpuPerS * activity.upvoteSeconds;
  const perThousandAboveIdle =
    totals.upvotesAcked > 0 ? (Math.max(0, activity.upvoteCpuSeconds - idleCpu) / totals.upvotesAcked) * 1000 : null;
  ctx.log(
    `qa: ${totals.questionsAcked}/${totals.questionsSent} questions, ${totals.upvotesAcked}/${totals.upvotesSent} upvotes confirmed; ` +
      `upvote→screen p50 ${round(toScreen.p50)} / p99 ${round(toScreen.p99)} ms over ${toScreen.measured}; ` +
      `${round(perThousand, 3)} CPU-s per 1000 upvotes; lost ${lost}, double ${double}, screen off by ${screen.votes}`,
  );
  return {
    figures: {
      vote_to_presenter_p99_ms: round(toScreen.p99),
      cpu_s_per_1000_votes: round(perThousand, 3),
      lost,
      double_counted: double + screen.votes,
    },
    details: {
      slide: slide.id,
      questions_asked: totals.questionsSent,
      questions_acked: totals.questionsAcked,
      questions_unanswered: totals.questionsUnanswered,
      ask_ack_p50_ms: round(percentile(askLatencies, 50)),
      ask_ack_p99_ms: round(percentile(askLatencies, 99)),
      ask_errors: totals.askErrors,
      upvotes_sent: totals.upvotesSent,
      upvotes_acked: totals.upvotesAcked,
      upvotes_unanswered: totals.upvotesUnanswered,
      upvotes_unpaired: totals.upvotesUnpaired,
      upvotes_confirmed_on_resend: totals.confirmedOnResend,
      upvote_errors: totals.upvoteErrors,
      upvotes_per_s: round(totals.upvotesAcked / (options.upvoteMs / 1000)),
      upvote_ack_p50_ms: round(percentile(upvoteLatencies, 50)),
      upvote_ack_p99_ms: round(percentile(upvoteLatencies, 99)),
      vote_to_presenter_p50_ms: round(toScreen.p50),
      vote_to_presenter_max_ms: round(toScreen.max),
      vote_to_presenter_measured: toScreen.measured,
      vote_to_presenter_unlisted: toScreen.unlisted,
      vote_to_presenter_unseen: toScreen.unseen,
      listed_questions: latest?.counts.size ?? 0,
      screen_complete_after_last_ack_ms: screenDoneAt === undefined ? null : round(Math.max(0, screenDoneAt - lastAckAt)),
      screen_mismatched_questions: screen.questions,
      screen_mismatched_votes: screen.votes,
      stored_questions: stored.storedQuestions,
      stored_upvotes: stored.storedUpvotes,
      stored_check: {
        lost_questions: stored.lostQuestions,
        lost_upvotes: stored.lostUpvotes,
        double_questions: stored.doubleQuestions,
        double_upvotes: stored.doubleUpvotes,
      },
      server_cpu_s: round(activity.upvoteCpuSeconds, 3),
      simulator_cpu_s: round(activity.simulatorCpuSeconds, 3),
      upvote_seconds: round(activity.upvoteSeconds),
      phone_results_mb_per_s: round(activity.phoneResults.bytes / 2 ** 20 / activity.upvoteSeconds),
      phone_results_per_phone_per_s: round(activity.phoneResults.messages / ctx.connected / activity.upvoteSeconds),
      phone_results_message_bytes: round(activity.phoneResults.bytes / activity.phoneResults.messages),
      cpu_s_per_1000_votes_above_idle: round(perThousandAboveIdle, 3),
      idle_server_cpu_per_s: round(ctx.idleCpuPerS, 3),
      pending_after: truth.pending,
    },
  };
}

/** Whether the big screen shows every question it lists with exactly the upvotes phones hold confirmed, and every asker. */
function showsListed(snapshot: Snapshot, truth: SlideTruth): boolean {
  return snapshot.respondents === truth.respondents && screenMismatch(snapshot, truth).questions === 0;
}

/** The listed questions whose count differs from the confirmed upvotes, and by how many upvotes in all. */
function screenMismatch(snapshot: Snapshot, truth: SlideTruth): { questions: number; votes: number } {
  let questions = 0;
  let votes = 0;
  for (const [questionId, shown] of snapshot.counts) {
    const difference = Math.abs(shown - (truth.counts.get(questionId) ?? 0));
    if (difference === 0 && truth.counts.has(questionId)) continue;
    questions += 1;
    votes += difference;
  }
  return { questions, votes };
}

/**
 * Upvote → big-screen latency. A question's count only rises, by one per stored upvote, so the i-th confirmed upvote
 * of a question (by confirmation time, which follows the commits) is on the screen once a results message shows it
 * with i or more.
 * The screen lists only the 100 most upvoted and the 100 newest questions (listedQuestions), so most of 2,000 are off
 * it at any moment. An upvote is measured only when its question is listed in every results message from its send to
 * the one that shows it: the 100 newest (listed throughout, as the asking is over) and those among the most upvoted.
 * One whose question is off the screen in between counts as unlisted; when its question comes back, its count tells
 * nothing about when the upvote landed. The most upvoted alone would favour the questions that rise: the newest 100
 * are a random draw.
 */
function upvoteToScreen(snapshots: Snapshot[], questionIds: string[], results: UpvoteResult[]) {
  const byQuestion = new Map<number, { sentAt: number; ackedAt: number }[]>();
  for (const result of results) {
    result.ackedAt.forEach((ackedAt, i) => {
      if (Number.isNaN(ackedAt)) return;
      const question = result.questionIndex[i] as number;
      let list = byQuestion.get(question);
      if (!list) byQuestion.set(question, (list = []));
      list.push({ sentAt: result.sentAt[i] as number, ackedAt });
    });
  }
  const latencies: number[] = [];
  let unlisted = 0;
  let unseen = 0;
  for (const [question, upvotes] of byQuestion) {
    const questionId = questionIds[question] as string;
    upvotes.sort((a, b) => a.ackedAt - b.ackedAt);
    upvotes.forEach((upvote, i) => {
      for (let at = firstAtOrAfter(snapshots, upvote.sentAt); ; at += 1) {
        const snapshot = snapshots[at];
        const shown = snapshot?.counts.get(questionId);
        if (!snapshot) unseen += 1;
        else if (shown === undefined) unlisted += 1;
        else if (shown < i + 1) continue;
        else latencies.push(snapshot.at - upvote.sentAt);
        return;
      }
    });
  }
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: max(latencies),
    measured: latencies.length,
    unlisted,
    unseen,
  };
}
