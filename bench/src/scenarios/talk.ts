import { QA_LIMITS, type QaSlide, hasResults, isQuestionSlide } from '@ettor/protocol';
import { now, sleep } from '../clock.js';
import { checkDatabase, checkQaDatabase, emptyTruth, mergeTruth } from '../db-check.js';
import { SIMULATED_ANSWERS, SIMULATED_QA } from '../simulator/answers.js';
import { percentile, round } from '../stats.js';
import { mergeCounts } from './burst.js';
import type { ScenarioContext, ScenarioOutcome } from './context.js';
import { CrossNodeChanges } from './cross-node.js';
import { activityTotals, askAndUpvote, qaLostAndDouble, takesQuestions } from './qa.js';
import { completeAt, shows } from './screen.js';

export interface TalkOptions {
  /** Hard limit per question for acks after the thinking window. */
  questionTimeoutMs: number;
  /** People read the question and think before they answer: answers spread over this window. */
  thinkMs: number;
  /** How long the presenter stays on a slide without a question. */
  contentDwellMs: number;
}

/**
 * talk: the bench deck as a real talk. The presenter walks every slide; on each question a realistic share of
 * the room answers over a few seconds, 1 % double-tap and 1 % lose their connection right after sending (they
 * reconnect and resend, as the phone page does); on a Q&A a few ask and more upvote, in the same way. The presenter
 * moves on once everything is acknowledged and the big screen shows it all. At the end every question and Q&A is
 * checked against the database.
 */
export async function talk(ctx: ScenarioContext, options: TalkOptions): Promise<ScenarioOutcome> {
  const startedAt = now();
  const perSlide: Record<string, unknown>[] = [];
  const fanoutP99s: number[] = [];
  const arrivalsAll: number[] = [];
  const crossNode = new CrossNodeChanges(ctx);
  const errors: Record<string, number>[] = [];
  let sent = 0;
  let acked = 0;
  const qaTotals: ReturnType<typeof activityTotals>[] = [];
  const qaSlides = takesQuestions(ctx.server.kind) ? ctx.session.slides.filter((s): s is QaSlide => s.kind === 'qa') : [];
  for (const [index, slide] of ctx.session.slides.entries()) {
    const { sentAt, seq } = await ctx.presenter.goto(slide.id);
    const arrivals = await ctx.pool.all('seq', { seq, timeoutMs: 5_000 });
    const latencies = arrivals.flatMap((r) => Array.from(r.arrivals, (at) => at - sentAt));
    for (const value of latencies) arrivalsAll.push(value);
    crossNode.add(arrivals, sentAt);
    const fanoutP99 = percentile(latencies, 99);
    if (fanoutP99 !== undefined) fanoutP99s.push(fanoutP99);
    if (slide.kind === 'qa') {
      // A server that takes no questions shows a Q&A as a slide to pass.
      if (takesQuestions(ctx.server.kind)) {
        const totals = await questionsAndUpvotes(ctx, slide, options);
        qaTotals.push(totals);
        errors.push(totals.askErrors, totals.upvoteErrors);
        perSlide.push({ slide: index + 1, kind: slide.kind, fanout_p99_ms: round(fanoutP99), ...totals.perSlide });
      } else await sleep(options.contentDwellMs);
      continue;
    }
    if (!isQuestionSlide(slide)) {
      if (hasResults(slide)) {
        // Drawn from other slides' answers, counted from the store when shown: how long the big screen waits for it.
        const shownAt = await ctx.presenter.whenResults(slide.id, () => true, 5_000);
        perSlide.push({ slide: index + 1, kind: slide.kind, results_after_ms: shownAt === undefined ? null : round(shownAt - sentAt) });
      }
      await sleep(options.contentDwellMs);
      continue;
    }
    const startAt = now() + 100;
    const rounds = await ctx.pool.all('round', {
      slideId: slide.id,
      share: SIMULATED_ANSWERS[slide.kind].share,
      startAt,
      windowMs: options.thinkMs,
      dupShare: 0.01,
      dropShare: 0.01,
      timeoutMs: options.questionTimeoutMs,
    });
    const slideSent = rounds.reduce((sum, r) => sum + r.sent, 0);
    const slideAcked = rounds.reduce((sum, r) => sum + r.acked, 0);
    sent += slideSent;
    acked += slideAcked;
    errors.push(mergeCounts(rounds.map((r) => r.errors)));
    const lastAckAt = Math.max(...rounds.map((r) => r.lastAckAt));
    // The presenter moves on once the screen is complete, or after a few seconds as a real one would; late answers still land.
    const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 0 }));
    const slideTruth = truth.slides[slide.id];
    const tallyAt = slideTruth && truth.pending === 0 ? await completeAt(ctx.presenter, slide.id, slideTruth, 3_000) : undefined;
    perSlide.push({
      slide: index + 1,
      kind: slide.kind,
      answers: slideSent,
      acked: slideAcked,
      fanout_p99_ms: round(fanoutP99),
      ack_p99_ms: round(
        percentile(
          rounds.flatMap((r) => Array.from(r.ackLatencies)),
          99,
        ),
      ),
      all_acked_after_window_ms: slideAcked === slideSent ? round(Math.max(0, lastAckAt - (startAt + options.thinkMs))) : null,
      screen_complete_after_window_ms: tallyAt === undefined ? null : round(Math.max(0, tallyAt - (startAt + options.thinkMs))),
    });
    ctx.log(
      `talk: slide ${index + 1} (${slide.kind}) ${slideAcked}/${slideSent} acked, screen ${tallyAt === undefined ? 'incomplete' : 'complete'}`,
    );
  }
  const questions = ctx.session.slides.filter(isQuestionSlide).map((s) => s.id);
  await sleep(500);
  const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 20_000 }));
  const integrity = await checkDatabase(ctx.server.store, ctx.session.sessionId, truth.slides, questions);
  const qaIntegrity = await Promise.all(
    qaSlides.map(async (slide, i) => {
      const totals = qaTotals[i];
      const stored = await checkQaDatabase(
        ctx.server.store,
        ctx.session.sessionId,
        slide.id,
        truth.slides[slide.id] ?? emptyTruth(),
        totals?.upvotesUnanswered ?? 0,
      );
      return {
        slide: slide.id,
        stored_questions: stored.storedQuestions,
        stored_upvotes: stored.storedUpvotes,
        ...(totals ? qaLostAndDouble(totals, stored) : { lost: 0, double: 0 }),
      };
    }),
  );
  const screenMismatches = [...questions, ...qaSlides.map((slide) => slide.id)].filter((id) => {
    const latest = ctx.presenter.latest(id);
    const slideTruth = truth.slides[id];
    return !latest || !slideTruth || !shows(latest, slideTruth);
  });
  const stats = await ctx.pool.all('stats', {});
  return {
    figures: {
      fanout_p50_ms: round(percentile(arrivalsAll, 50)),
      fanout_p99_ms: round(percentile(arrivalsAll, 99)),
      lost: integrity.lost + qaIntegrity.reduce((sum, q) => sum + q.lost, 0),
      double_counted: integrity.doubleCounted + qaIntegrity.reduce((sum, q) => sum + q.double, 0),
    },
    details: {
      note: 'fanout figures are over every slide change of the talk, while answers flow',
      median_slide_p99_ms: round(percentile(fanoutP99s, 50)),
      worst_slide_p99_ms: round(Math.max(...fanoutP99s)),
      ...crossNode.details(),
      duration_s: round((now() - startedAt) / 1000),
      answers: sent,
      acked,
      questions: qaTotals.reduce((sum, t) => sum + t.questionsSent, 0),
      questions_acked: qaTotals.reduce((sum, t) => sum + t.questionsAcked, 0),
      upvotes: qaTotals.reduce((sum, t) => sum + t.upvotesSent, 0),
      upvotes_acked: qaTotals.reduce((sum, t) => sum + t.upvotesAcked, 0),
      upvotes_confirmed_on_resend: qaTotals.reduce((sum, t) => sum + t.confirmedOnResend, 0),
      qa_stored: qaIntegrity,
      errors: mergeCounts(errors),
      reconnects: stats.reduce((sum, s) => sum + s.reconnects, 0),
      screen_mismatches: screenMismatches,
      pending_after: truth.pending,
      stored_awaiting_ack: integrity.awaitingAck,
      slides: perSlide,
    },
  };
}

/**
 * A Q&A in the talk: a few people ask, at most as many as the screen lists newest (so every question is on it and
 * checked), then people upvote each other's questions; the presenter moves on once the screen shows them all.
 */
async function questionsAndUpvotes(ctx: ScenarioContext, slide: QaSlide, options: TalkOptions) {
  const activity = await askAndUpvote(ctx, slide.id, {
    questions: Math.min(QA_LIMITS.listedPerPart, Math.ceil(ctx.connected * SIMULATED_QA.askShare)),
    upvotes: Math.round(ctx.connected * SIMULATED_QA.upvotesPerPerson),
    askMs: options.thinkMs,
    upvoteMs: options.thinkMs,
    dupShare: 0.01,
    dropShare: 0.01,
    graceMs: options.questionTimeoutMs,
  });
  const totals = activityTotals(activity);
  const truth = mergeTruth(await ctx.pool.all('truth', { settleMs: 0 }));
  const slideTruth = truth.slides[slide.id];
  const tallyAt = slideTruth && truth.pending === 0 ? await completeAt(ctx.presenter, slide.id, slideTruth, 3_000) : undefined;
  ctx.log(
    `talk: Q&A ${totals.questionsAcked}/${totals.questionsSent} questions, ${totals.upvotesAcked}/${totals.upvotesSent} upvotes acked, screen ${tallyAt === undefined ? 'incomplete' : 'complete'}`,
  );
  return {
    ...totals,
    perSlide: {
      questions: totals.questionsSent,
      questions_acked: totals.questionsAcked,
      upvotes: totals.upvotesSent,
      upvotes_acked: totals.upvotesAcked,
      upvote_ack_p99_ms: round(
        percentile(
          activity.upvotes.flatMap((r) => Array.from(r.ackedAt, (at, i) => at - (r.sentAt[i] as number)).filter(Number.isFinite)),
          99,
        ),
      ),
      screen_complete_after_window_ms: tallyAt === undefined ? null : round(Math.max(0, tallyAt - activity.upvoteWindowEndAt)),
    },
  };
}
