import { type AckMessage, type Answer, type Slide, checkAnswer, isQuestionSlide } from '@ettor/protocol';
import type { NewResponse } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import type { StoredAnswer } from './tally.js';

export interface Submission {
  sessionId: string;
  participantId: string;
  clientId: string;
  slideId: string;
  answer: Answer;
}

export type Ack = Omit<AckMessage, 'type'>;

/** What an answer is checked against: the slide, whether it takes answers right now, and in which round. */
export interface AnswerTarget {
  slide: Slide;
  votingOpen: boolean;
  round: number;
  /** Whether the deck's offensive-word filter holds the answer back from the big screen, as if the presenter hid it. */
  holdsBack: (answer: Answer) => boolean;
}

/** The first ack given for a client id; a retry gets it again. */
export interface Receipt {
  slideId: string;
  answer: Answer;
}

/** A participant's stored answer to a slide in its current round. */
export interface HeldResponse {
  id: string;
  /** When it was hidden (by the presenter or the filter), null while shown; kept when the answer changes. */
  hiddenAt: string | null;
}

/** An answer's fate: acked (changed when it was stored now), or refused. */
export type Outcome = { ack: Ack; changed: boolean } | { error: AppError };

export interface ReceiptRow {
  participant_id: string;
  client_id: string;
  slide_id: string;
  answer: string;
  created_at: string;
}

export interface ResponseChange {
  id: string;
  answer: string;
  client_id: string;
  updated_at: string;
  /** When the answer was hidden: as before, or now when the filter holds the new answer back. */
  hidden_at: string | null;
}

/** The answers one commit adds to a slide's round, for the tallies every node keeps. */
export interface StoredSlideAnswers {
  sessionId: string;
  slideId: string;
  round: number;
  answers: StoredAnswer[];
}

export interface PlanInput {
  submissions: readonly Submission[];
  /** The target of an answer, or why its session or slide takes none. */
  targetOf: (sessionId: string, slideId: string) => AnswerTarget | AppError;
  receipts: ReadonlyMap<string, Receipt>;
  responses: ReadonlyMap<string, HeldResponse>;
  now: string;
  newId: () => string;
}

export interface Plan {
  /** One per submission, in order. */
  outcomes: Outcome[];
  inserts: NewResponse[];
  changes: ResponseChange[];
  receipts: ReceiptRow[];
  stored: StoredSlideAnswers[];
}

export const receiptKey = (participantId: string, clientId: string): string => `${participantId}\u0000${clientId}`;

export const responseKey = (sessionId: string, slideId: string, round: number, participantId: string): string =>
  `${sessionId}\u0000${slideId}\u0000${round}\u0000${participantId}`;

/**
 * Decides a batch of answers against what the store holds, in arrival order, as if each had its own
 * transaction: a later answer in the batch sees the earlier ones. Pure, so the rules are tested without a store.
 */
export function planAnswers(input: PlanInput): Plan {
  const receipts = new Map(input.receipts);
  const responses = new Map<string, HeldResponse & { inserted?: NewResponse }>(input.responses);
  const changes = new Map<string, ResponseChange>();
  const stored = new Map<string, StoredSlideAnswers>();
  const plan: Plan = { outcomes: [], inserts: [], changes: [], receipts: [], stored: [] };

  const decide = (submission: Submission): Outcome => {
    const { sessionId, participantId, clientId, slideId } = submission;
    const receipt = receipts.get(receiptKey(participantId, clientId));
    if (receipt) {
      if (receipt.slideId !== slideId) return { error: new AppError('validation_failed', 'clientId: already used for another slide.') };
      return { ack: { clientId, slideId, answer: receipt.answer }, changed: false };
    }
    const target = input.targetOf(sessionId, slideId);
    if (target instanceof AppError) return { error: target };
    const { slide, round } = target;
    const check = checkAnswer(slide, submission.answer);
    if (!check.ok) return { error: AppError.from(check.problem) };
    if (!isQuestionSlide(slide)) return { error: new AppError('not_a_question', 'This slide does not take answers.') };
    if (!target.votingOpen) return { error: new AppError('voting_closed', 'Voting on this question has closed.') };

    const key = responseKey(sessionId, slideId, round, participantId);
    const held = responses.get(key);
    if (held && !slide.allowChange) return { error: new AppError('already_answered', 'You have already answered this question.') };

    const answer = JSON.stringify(check.answer);
    const { now } = input;
    // A held answer is hidden like one the presenter hid, and shown the same way; a clean one keeps what the presenter chose.
    const heldBack = target.holdsBack(check.answer);
    let response: HeldResponse;
    if (held?.inserted) {
      if (heldBack) held.inserted.hidden_at = now;
      Object.assign(held.inserted, { answer, client_id: clientId, updated_at: now });
      response = { id: held.id, hiddenAt: held.inserted.hidden_at ?? null };
      responses.set(key, { ...response, inserted: held.inserted });
    } else if (held) {
      const hiddenAt = heldBack ? now : held.hiddenAt;
      changes.set(held.id, { id: held.id, answer, client_id: clientId, updated_at: now, hidden_at: hiddenAt });
      response = { id: held.id, hiddenAt };
      responses.set(key, response);
    } else {
      const inserted: NewResponse = {
        id: input.newId(),
        session_id: sessionId,
        slide_id: slideId,
        participant_id: participantId,
        answer,
        client_id: clientId,
        round,
        hidden_at: heldBack ? now : null,
        created_at: now,
        updated_at: now,
      };
      plan.inserts.push(inserted);
      response = { id: inserted.id, hiddenAt: inserted.hidden_at ?? null };
      responses.set(key, { ...response, inserted });
    }
    plan.receipts.push({ participant_id: participantId, client_id: clientId, slide_id: slideId, answer, created_at: now });
    receipts.set(receiptKey(participantId, clientId), { slideId, answer: check.answer });

    const slideKey = `${sessionId}\u0000${slideId}\u0000${round}`;
    let slideAnswers = stored.get(slideKey);
    if (!slideAnswers) stored.set(slideKey, (slideAnswers = { sessionId, slideId, round, answers: [] }));
    slideAnswers.answers.push({ id: response.id, answer: check.answer, updatedAt: now, hidden: response.hiddenAt !== null });
    return { ack: { clientId, slideId, answer: check.answer }, changed: true };
  };

  for (const submission of input.submissions) plan.outcomes.push(decide(submission));
  plan.changes = [...changes.values()];
  plan.stored = [...stored.values()];
  return plan;
}
