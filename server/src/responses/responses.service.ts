import { type Answer, isQuestionSlide } from '@ettor/protocol';
import { countedWordKey, wordGroupKey } from '@ettor/protocol/words';
import type { Bus } from '../bus/bus.js';
import { type Clock, newId } from '../clock.js';
import { type Db, type Queryable, isUniqueViolation } from '../db/database.js';
import { GROUP_WINDOW_MS, GroupCommit, MAX_GROUP } from '../db/group-commit.js';
import { AppError } from '../http/errors.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import {
  type Ack,
  type AnswerTarget,
  type HeldResponse,
  type Outcome,
  type Plan,
  type Submission,
  planAnswers,
  receiptKey,
} from './answer-plan.js';
import type { SlideAnswers } from './live-results.js';
import * as repo from './responses.repository.js';

export type { Ack, Submission } from './answer-plan.js';

/** Batches retried after losing a race on a unique key to another node, before giving up. */
const MAX_RETRIES = 3;

export type ResponsesService = ReturnType<typeof createResponsesService>;

export function createResponsesService(deps: { db: Db; clock: Clock; bus: Bus; sessions: SessionsService }) {
  const { db, clock, bus, sessions } = deps;

  /** Reads what the batch's answers depend on, decides each, and writes the outcome: all of it commits, or none. */
  async function storeBatch(trx: Queryable, submissions: readonly Submission[]): Promise<Plan> {
    const targets = new Map<string, Map<string, AnswerTarget> | AppError>();
    for (const [sessionId, slideIds] of groupSlideIds(submissions)) {
      targets.set(sessionId, await sessions.answerTargets(trx, sessionId, [...slideIds]));
    }
    const targetOf = (sessionId: string, slideId: string): AnswerTarget | AppError => {
      const found = targets.get(sessionId);
      if (found instanceof AppError) return found;
      return found?.get(slideId) ?? new AppError('unknown_slide', 'There is no such slide in this presentation.');
    };
    const receipts = await repo.findReceipts(trx, uniquePairs(submissions));
    const responses = new Map<string, HeldResponse>();
    for (const { target, participantIds } of groupByRound(submissions, targetOf)) {
      for (const [key, held] of await repo.findResponses(trx, target, participantIds)) responses.set(key, held);
    }
    const plan = planAnswers({ submissions, targetOf, receipts, responses, now: clock.now().toISOString(), newId });
    await repo.insertResponses(trx, plan.inserts);
    await repo.changeResponses(trx, plan.changes);
    await repo.insertReceipts(trx, plan.receipts);
    return plan;
  }

  async function storeWithRetries(submissions: readonly Submission[]): Promise<Plan> {
    for (let tries = 0; ; tries += 1) {
      try {
        return await db.transaction().execute((trx) => storeBatch(trx, submissions));
      } catch (error) {
        // Another node stored a conflicting row first; reading again decides against it.
        if (!isUniqueViolation(error) || tries >= MAX_RETRIES) throw error;
      }
    }
  }

  async function store(submissions: Submission[]): Promise<Outcome[]> {
    const plan = await storeWithRetries(submissions);
    for (const { sessionId, slideId, round, answers } of plan.stored) {
      await bus.publish(sessionId, { type: 'answers-stored', slideId, round, answers });
    }
    return plan.outcomes;
  }

  const writer = new GroupCommit(store, MAX_GROUP, GROUP_WINDOW_MS);

  /** A word cloud of a session the user hosts, with its deck's language; anything else is refused. */
  async function wordCloud(userId: string, sessionId: string, slideId: string) {
    await sessions.hosted(userId, sessionId);
    const found = await sessions.slideWithRound(sessionId, slideId);
    if (!found) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
    if (found.slide.kind !== 'wordcloud') throw new AppError('wrong_answer_kind', 'Only word-cloud words can be hidden, merged or split.');
    return found;
  }

  return {
    /**
     * Stores an answer and resolves only once it is committed, together with the answers that arrived
     * alongside it. A retry with the same clientId returns the first ack.
     */
    async submit(submission: Submission): Promise<Ack> {
      const outcome = await writer.submit(submission);
      if ('error' in outcome) throw outcome.error;
      return outcome.ack;
    },

    /** Finishes the answers already submitted; for shutting down. */
    drain: () => writer.drain(),

    /** A question's answers in its current round, and the words hidden from its cloud: what a tally starts from. */
    async slideAnswers(sessionId: string, slideId: string): Promise<SlideAnswers | undefined> {
      const found = await sessions.slideWithRound(sessionId, slideId);
      if (!found || !isQuestionSlide(found.slide)) return undefined;
      const answers = await repo.listSlideAnswers(db, sessionId, slideId, found.round);
      const context = {
        hiddenWords: await repo.listWordKeys(db, 'hidden_words', sessionId, slideId),
        language: found.language,
        filterOffensive: found.filterOffensive,
        shownWords: await repo.listWordKeys(db, 'shown_words', sessionId, slideId),
        wordGroups: await repo.listWordGroups(db, sessionId, slideId),
      };
      return { slide: found.slide, round: found.round, answers, context };
    },

    /** Hides an open answer from the big screen, or shows it again; the presenter's moderation. */
    async hideAnswer(userId: string, sessionId: string, slideId: string, answerId: string, hidden: boolean): Promise<void> {
      await sessions.hosted(userId, sessionId);
      const found = await repo.setAnswerHidden(db, sessionId, slideId, answerId, hidden ? clock.now().toISOString() : null);
      if (!found) throw new AppError('not_found', 'There is no such answer on this slide.');
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
    },

    /** Hides every form of a word-cloud word from the big screen, or shows it again. */
    async hideWord(userId: string, sessionId: string, slideId: string, word: string, hidden: boolean): Promise<void> {
      const { language } = await wordCloud(userId, sessionId, slideId);
      await repo.setWordHidden(
        db,
        sessionId,
        slideId,
        countedWordKey(word, language, await repo.listWordGroups(db, sessionId, slideId)),
        hidden,
      );
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
    },

    /** Counts a word (every form of it) as part of another word from now on; merging a word into itself is refused. */
    async mergeWord(userId: string, sessionId: string, slideId: string, word: string, into: string): Promise<void> {
      const { language } = await wordCloud(userId, sessionId, slideId);
      await db.transaction().execute(async (trx) => {
        const groups = await repo.listWordGroups(trx, sessionId, slideId);
        const source = wordGroupKey(word, language);
        const target = countedWordKey(into, language, groups);
        if (source === '' || target === '') throw new AppError('validation_failed', 'Name two words, not filler words alone.');
        if (source === wordGroupKey(into, language)) {
          // Two forms of a word split by hand: merging them puts the word back together.
          if (groups.get(source) !== null) throw new AppError('conflict', 'These are already one word.');
          await repo.setWordGroup(trx, sessionId, slideId, source, undefined);
          return;
        }
        if (target === countedWordKey(word, language, groups)) throw new AppError('conflict', 'These are already one word.');
        await repo.setWordGroup(trx, sessionId, slideId, source, target);
      });
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
    },

    /**
     * Takes a word apart: the words merged into it by hand become their own again; a word with none is counted form
     * by form, so forms the deck's language put together ("politik", "politiker") stand apart.
     */
    async splitWord(userId: string, sessionId: string, slideId: string, word: string): Promise<void> {
      const { language } = await wordCloud(userId, sessionId, slideId);
      await db.transaction().execute(async (trx) => {
        const groups = await repo.listWordGroups(trx, sessionId, slideId);
        const key = countedWordKey(word, language, groups);
        if (key === '') throw new AppError('validation_failed', 'Name a word, not filler words alone.');
        if ((await repo.unmergeInto(trx, sessionId, slideId, key)) > 0) return;
        if (groups.get(key) === null) throw new AppError('conflict', 'This word is already counted form by form.');
        await repo.setWordGroup(trx, sessionId, slideId, key, null);
      });
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
    },

    answersOf(sessionId: string, participantId: string): Promise<Record<string, Answer>> {
      return repo.listParticipantAnswers(db, sessionId, participantId);
    },
  };
}

function groupSlideIds(submissions: readonly Submission[]): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const { sessionId, slideId } of submissions) {
    let slideIds = groups.get(sessionId);
    if (!slideIds) groups.set(sessionId, (slideIds = new Set()));
    slideIds.add(slideId);
  }
  return groups;
}

function uniquePairs(submissions: readonly Submission[]): { participantId: string; clientId: string }[] {
  const pairs = new Map<string, { participantId: string; clientId: string }>();
  for (const { participantId, clientId } of submissions) pairs.set(receiptKey(participantId, clientId), { participantId, clientId });
  return [...pairs.values()];
}

/** The participants answering each slide's round, for looking up what they already answered there. */
function groupByRound(
  submissions: readonly Submission[],
  targetOf: (sessionId: string, slideId: string) => AnswerTarget | AppError,
): { target: { sessionId: string; slideId: string; round: number }; participantIds: string[] }[] {
  const groups = new Map<string, { target: { sessionId: string; slideId: string; round: number }; participantIds: Set<string> }>();
  for (const { sessionId, slideId, participantId } of submissions) {
    const target = targetOf(sessionId, slideId);
    if (target instanceof AppError) continue;
    const key = `${sessionId}\u0000${slideId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { target: { sessionId, slideId, round: target.round }, participantIds: new Set() }));
    group.participantIds.add(participantId);
  }
  return [...groups.values()].map(({ target, participantIds }) => ({ target, participantIds: [...participantIds] }));
}
