import { type AckMessage, type Answer, type Results, checkAnswer, isQuestionSlide, wordKey } from '@ettor/protocol';
import type { Bus } from '../bus/bus.js';
import { type Clock, newId } from '../clock.js';
import { type Db, isUniqueViolation } from '../db/database.js';
import { AppError } from '../http/errors.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import * as repo from './responses.repository.js';
import { tally } from './tally.js';

export interface Submission {
  sessionId: string;
  participantId: string;
  clientId: string;
  slideId: string;
  answer: Answer;
}

export type Ack = Omit<AckMessage, 'type'>;

export type ResponsesService = ReturnType<typeof createResponsesService>;

export function createResponsesService(deps: { db: Db; clock: Clock; bus: Bus; sessions: SessionsService }) {
  const { db, clock, bus, sessions } = deps;

  /** One attempt: everything the answer changes commits together, or nothing does. */
  function attempt(submission: Submission): Promise<{ ack: Ack; changed: boolean }> {
    const { sessionId, participantId, clientId, slideId } = submission;
    return db.transaction().execute(async (trx) => {
      const receipt = await repo.findReceipt(trx, participantId, clientId);
      if (receipt) {
        if (receipt.slideId !== slideId) throw new AppError('validation_failed', 'clientId: already used for another slide.');
        return { ack: { clientId, slideId, answer: receipt.answer }, changed: false };
      }
      const { slide, votingOpen, round } = await sessions.answerTarget(trx, sessionId, slideId);
      const check = checkAnswer(slide, submission.answer);
      if (!check.ok) throw AppError.from(check.problem);
      if (!isQuestionSlide(slide)) throw new AppError('not_a_question', 'This slide does not take answers.');
      if (!votingOpen) throw new AppError('voting_closed', 'Voting on this question has closed.');

      const now = clock.now().toISOString();
      const answer = JSON.stringify(check.answer);
      const existing = await repo.findResponseId(trx, sessionId, slideId, round, participantId);
      if (existing && !slide.allowChange) throw new AppError('already_answered', 'You have already answered this question.');
      if (existing) {
        await repo.replaceResponse(trx, existing.id, { answer, client_id: clientId, updated_at: now });
      } else {
        await repo.insertResponse(trx, {
          id: newId(),
          session_id: sessionId,
          slide_id: slideId,
          participant_id: participantId,
          answer,
          client_id: clientId,
          round,
          hidden_at: null,
          created_at: now,
          updated_at: now,
        });
      }
      await repo.insertReceipt(trx, { participant_id: participantId, client_id: clientId, slide_id: slideId, answer, created_at: now });
      return { ack: { clientId, slideId, answer: check.answer }, changed: true };
    });
  }

  return {
    /**
     * Stores an answer and resolves only once it is committed. A retry with the same clientId returns the
     * first ack; a concurrent duplicate loses the race on a unique key and is retried into that same path.
     */
    async submit(submission: Submission): Promise<Ack> {
      for (let tries = 0; ; tries += 1) {
        try {
          const { ack, changed } = await attempt(submission);
          if (changed) await bus.publish(submission.sessionId, { type: 'answers-changed', slideId: submission.slideId });
          return ack;
        } catch (error) {
          if (!isUniqueViolation(error) || tries >= 3) throw error;
        }
      }
    },

    async results(sessionId: string, slideId: string): Promise<Results | undefined> {
      const found = await sessions.slideWithRound(sessionId, slideId);
      if (!found || !isQuestionSlide(found.slide)) return undefined;
      const answers = await repo.listSlideAnswers(db, sessionId, slideId, found.round);
      return tally(found.slide, answers, await repo.listHiddenWords(db, sessionId, slideId));
    },

    /** Hides an open answer from the big screen, or shows it again; the presenter's moderation. */
    async hideAnswer(userId: string, sessionId: string, slideId: string, answerId: string, hidden: boolean): Promise<void> {
      await sessions.hosted(userId, sessionId);
      const found = await repo.setAnswerHidden(db, sessionId, slideId, answerId, hidden ? clock.now().toISOString() : null);
      if (!found) throw new AppError('not_found', 'There is no such answer on this slide.');
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
    },

    /** Hides every spelling of a word-cloud word from the big screen, or shows it again. */
    async hideWord(userId: string, sessionId: string, slideId: string, word: string, hidden: boolean): Promise<void> {
      await sessions.hosted(userId, sessionId);
      const found = await sessions.slideWithRound(sessionId, slideId);
      if (!found) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
      if (found.slide.kind !== 'wordcloud') throw new AppError('wrong_answer_kind', 'Only word-cloud words can be hidden this way.');
      await repo.setWordHidden(db, sessionId, slideId, wordKey(word), hidden);
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
    },

    answersOf(sessionId: string, participantId: string): Promise<Record<string, Answer>> {
      return repo.listParticipantAnswers(db, sessionId, participantId);
    },
  };
}
