import {
  type AskedMessage,
  type DeckLanguage,
  type OwnQuestions,
  type QaAction,
  type QaSlide,
  QA_LIMITS,
  type UpvotedMessage,
  checkQuestion,
} from '@ettor/protocol';
import type { Bus } from '../bus/bus.js';
import { type Clock, newId } from '../clock.js';
import { type Db, type Queryable, isUniqueViolation } from '../db/database.js';
import { GROUP_WINDOW_MS, GroupCommit, MAX_GROUP } from '../db/group-commit.js';
import { AppError } from '../http/errors.js';
import { isOffensive } from '../moderation/offensive.js';
import * as presentationsRepo from '../presentations/presentations.repository.js';
import { deckLanguageOf } from '../presentations/presentations.repository.js';
import { type StoredQuestion, sentQuestion } from '../results/qa.js';
import * as sessionsRepo from '../sessions/sessions.repository.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import * as repo from './qa.repository.js';
import { VoteBook } from './vote-book.js';

/** What a phone asks of a session's Q&A: a question, or an upvote (or taking one back). */
export type QaRequest =
  | { type: 'ask'; sessionId: string; participantId: string; clientId: string; slideId: string; text: string; name?: string }
  | { type: 'upvote'; sessionId: string; participantId: string; clientId: string; questionId: string; up: boolean };

export type QaReply = Omit<AskedMessage, 'type'> | Omit<UpvotedMessage, 'type'>;

type Outcome = { reply: QaReply; changed: { sessionId: string; slideId: string } | null } | { error: AppError };
/** The Q&A slide a request is for, checked to take questions and votes now; read once per batch. */
type OpenQa = (sessionId: string, slideId: string) => Promise<{ slide: QaSlide; presentationId: string }>;

/** Batches retried after losing a race on a unique key to another node, before giving up. */
const MAX_RETRIES = 3;
const MINUTE_MS = 60_000;

export type QaService = ReturnType<typeof createQaService>;

/** Whether the offensive-word filter holds a question: its text or the name it is signed with. */
function heldByFilter({ text, name }: { text: string; name: string | null }, language: DeckLanguage): boolean {
  return isOffensive(text, language) || (name !== null && isOffensive(name, language));
}

/** Q&A: phones ask and upvote (committed in groups, as answers are); the presenter moderates. */
export function createQaService(deps: { db: Db; clock: Clock; bus: Bus; sessions: SessionsService }) {
  const { db, clock, bus, sessions } = deps;

  /** The session a phone asks or upvotes in, if it still takes questions. */
  async function liveSession(q: Queryable, sessionId: string) {
    const session = await sessionsRepo.findSession(q, sessionId);
    if (!session) throw new AppError('not_found', 'There is no such session.');
    if (session.status === 'ended') throw new AppError('session_ended', 'This session has ended.');
    if (session.open_until !== null && session.open_until <= clock.now().toISOString()) {
      throw new AppError('session_closed', `This session stopped taking questions at ${session.open_until}.`);
    }
    return session;
  }

  /** A Q&A of a live session that takes questions and upvotes now: while it is shown, or at any time if it says so. */
  async function openQa(q: Queryable, sessionId: string, slideId: string): Promise<{ slide: QaSlide; presentationId: string }> {
    const session = await liveSession(q, sessionId);
    const slide = await presentationsRepo.findSlide(q, session.presentation_id, slideId);
    if (!slide) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
    if (slide.kind !== 'qa') throw new AppError('wrong_answer_kind', 'Questions are asked on a Q&A slide.');
    // At the audience's pace every participant is on a slide of their own, so every Q&A takes questions.
    if (session.current_slide_id !== slide.id && !slide.anytime && session.pace !== 'audience') {
      throw new AppError('voting_closed', 'This Q&A takes questions and votes only while it is shown.');
    }
    return { slide, presentationId: session.presentation_id };
  }

  /** Whether the deck's offensive-word filter holds a question back for the presenter; read only when asking. */
  async function heldByDeckFilter(q: Queryable, presentationId: string, question: { text: string; name: string | null }): Promise<boolean> {
    const deck = await presentationsRepo.findPresentation(q, presentationId);
    return deck?.filter_offensive === 1 && heldByFilter(question, deckLanguageOf(deck));
  }

  async function ask(q: Queryable, request: Extract<QaRequest, { type: 'ask' }>, now: Date, open: OpenQa): Promise<Outcome> {
    const before = await repo.findAskedBefore(q, request.participantId, request.clientId);
    if (before)
      return { reply: { clientId: request.clientId, question: { ...sentQuestion(before), slideId: before.slideId } }, changed: null };
    const { slide, presentationId } = await open(request.sessionId, request.slideId);
    const checked = checkQuestion(slide, request.text, request.name);
    if (!checked.ok) throw AppError.from(checked.problem);
    const since = new Date(now.getTime() - MINUTE_MS).toISOString();
    if ((await repo.countAskedSince(q, request.sessionId, request.participantId, since)) >= QA_LIMITS.askedPerMinute) {
      throw new AppError('rate_limited', `At most ${QA_LIMITS.askedPerMinute} questions a minute; wait a moment.`);
    }
    const question: StoredQuestion = {
      id: newId(),
      slideId: slide.id,
      participantId: request.participantId,
      text: checked.text,
      name: checked.name,
      askedAt: now.toISOString(),
      votes: 0,
      // A question with an offensive word waits for the presenter, as every question does when they approve first.
      status: slide.approveFirst || (await heldByDeckFilter(q, presentationId, checked)) ? 'pending' : 'shown',
      answered: false,
      pinned: false,
    };
    await repo.insertQuestion(q, {
      id: question.id,
      session_id: request.sessionId,
      slide_id: slide.id,
      participant_id: request.participantId,
      client_id: request.clientId,
      text: question.text,
      name: question.name,
      asked_at: question.askedAt,
      status: question.status,
      answered_at: null,
      pinned_at: null,
    });
    return {
      reply: { clientId: request.clientId, question: { ...sentQuestion(question), slideId: slide.id } },
      changed: { sessionId: request.sessionId, slideId: slide.id },
    };
  }

  async function upvote(
    q: Queryable,
    request: Extract<QaRequest, { type: 'upvote' }>,
    index: number,
    now: Date,
    open: OpenQa,
    book: VoteBook,
  ): Promise<Outcome> {
    const question = await book.question(q, request.questionId);
    if (!question || question.sessionId !== request.sessionId) throw new AppError('not_found', 'There is no such question.');
    await open(request.sessionId, question.slideId);
    if (question.participantId === request.participantId) throw new AppError('own_question', 'You cannot upvote your own question.');
    if (question.status !== 'shown') throw new AppError('question_hidden', 'This question is not shown, so it cannot be voted on.');
    const reply = { clientId: request.clientId, questionId: request.questionId, up: request.up };
    const vote = { questionId: request.questionId, participantId: request.participantId };
    const stored = book.vote(vote);
    if (request.up) {
      // The same upvote resent after its confirmation was lost is confirmed again; another one is a second vote.
      if (stored) {
        if (stored.clientId === request.clientId) return { reply, changed: null };
        throw new AppError('already_voted', 'You have already upvoted this question.');
      }
      book.add({ ...vote, sessionId: request.sessionId, clientId: request.clientId, at: now.toISOString() }, index);
    } else {
      if (!stored) throw new AppError('not_voted', 'You have not upvoted this question.');
      await book.remove(q, vote);
    }
    return { reply, changed: { sessionId: request.sessionId, slideId: question.slideId } };
  }

  /** Decides and writes a batch in one transaction; a refused request is an outcome, not a rollback of the others. */
  async function storeBatch(trx: Queryable, requests: readonly QaRequest[]): Promise<Outcome[]> {
    const now = clock.now();
    // A batch is mostly upvotes on one Q&A: its session and slide are read once, not once per request.
    const opened = new Map<string, ReturnType<typeof openQa>>();
    const open: OpenQa = (sessionId, slideId) => {
      const key = `${sessionId} ${slideId}`;
      let reading = opened.get(key);
      if (!reading) {
        reading = openQa(trx, sessionId, slideId);
        opened.set(key, reading);
      }
      return reading;
    };
    const book = await VoteBook.read(
      trx,
      requests.flatMap((request) => (request.type === 'upvote' ? [request] : [])),
    );
    const outcomes: Outcome[] = [];
    for (const [index, request] of requests.entries()) {
      try {
        outcomes.push(request.type === 'ask' ? await ask(trx, request, now, open) : await upvote(trx, request, index, now, open, book));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        outcomes.push({ error });
      }
    }
    // Votes another node stored between the batch's read and its write: the same upvote resent is confirmed again.
    for (const { vote, index } of await book.write(trx)) {
      const resent = (await repo.findVotes(trx, [vote]))[0]?.clientId === vote.clientId;
      outcomes[index] = resent
        ? { reply: { clientId: vote.clientId, questionId: vote.questionId, up: true }, changed: null }
        : { error: new AppError('already_voted', 'You have already upvoted this question.') };
    }
    return outcomes;
  }

  async function store(requests: QaRequest[]): Promise<Outcome[]> {
    for (let tries = 0; ; tries += 1) {
      try {
        const outcomes = await db.transaction().execute((trx) => storeBatch(trx, requests));
        await publishChanges(outcomes);
        return outcomes;
      } catch (error) {
        // Another node stored the same vote or question first; reading again decides against it.
        if (!isUniqueViolation(error) || tries >= MAX_RETRIES) throw error;
      }
    }
  }

  async function publishChanges(outcomes: readonly Outcome[]): Promise<void> {
    const changed = new Map<string, { sessionId: string; slideId: string }>();
    for (const outcome of outcomes) {
      if ('reply' in outcome && outcome.changed) changed.set(`${outcome.changed.sessionId} ${outcome.changed.slideId}`, outcome.changed);
    }
    for (const { sessionId, slideId } of changed.values()) await bus.publish(sessionId, { type: 'qa-changed', slideId });
  }

  const writer = new GroupCommit(store, MAX_GROUP, GROUP_WINDOW_MS);

  return {
    /** Asks or upvotes, resolving once committed; a retried question (same clientId) gets its first reply. */
    async submit(request: QaRequest): Promise<QaReply> {
      const outcome = await writer.submit(request);
      if ('error' in outcome) throw outcome.error;
      return outcome.reply;
    },

    /** Finishes what was already submitted; for shutting down. */
    drain: () => writer.drain(),

    /** A participant's own questions (with their status) and upvotes in a session. */
    async own(sessionId: string, participantId: string): Promise<OwnQuestions> {
      const { asked, upvoted } = await repo.listOwn(db, sessionId, participantId);
      return { asked: asked.map((question) => ({ ...sentQuestion(question), slideId: question.slideId })), upvoted };
    },

    /** The presenter approves, hides, answers or pins a question of a session they host. */
    async moderate(userId: string, sessionId: string, questionId: string, action: QaAction): Promise<void> {
      await sessions.hosted(userId, sessionId);
      const question = await repo.findQuestion(db, questionId);
      if (!question || question.sessionId !== sessionId) throw new AppError('not_found', 'There is no such question.');
      if (action === 'pin' && question.status !== 'shown') {
        throw new AppError('conflict', 'Only a question shown to everyone can be pinned to the big screen.');
      }
      await repo.moderate(db, question, action, clock.now().toISOString());
      await bus.publish(sessionId, { type: 'qa-changed', slideId: question.slideId });
    },
  };
}
