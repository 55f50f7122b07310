import {
  ANONYMITY,
  INITIAL_SCREEN,
  PACES,
  PACE_LIMITS,
  REVEAL_MODES,
  type Answer,
  type Screen,
  type DeckLanguage,
  type JoinInfo,
  type Pace,
  type SessionDetail,
  type SessionInfo,
  type Slide,
  type Split,
  isQuestionSlide,
  resultsShown,
  splitSchema,
  EXTENDED_TIME_FACTOR,
  anytimeQa,
  approvesFirst,
  isApprovable,
  timeLimitOf,
  withoutNotes,
} from '@ettor/protocol';
import type { Bus, SharedState } from '../bus/bus.js';
import { type Clock, newId } from '../clock.js';
import { type Db, type Queryable, isUniqueViolation } from '../db/database.js';
import type { LiveSessionRow } from '../db/schema.js';
import { readStoredJson } from '../db/stored-json.js';
import { AppError } from '../http/errors.js';
import type { StrikeStores } from '../limits/strike-store.js';
import * as presentationsRepo from '../presentations/presentations.repository.js';
import type { PresentationsService } from '../presentations/presentations.service.js';
import { isOffensive } from '../moderation/offensive.js';
import type { AnswerTarget } from '../responses/answer-plan.js';
import { shownTextOf } from '../responses/kinds/registry.js';
import { findSegmentingSlide } from '../results/segments.js';
import { JoinCodeGuard } from './code-guard.js';
import { type Countdown, type CountdownStep, isAwaitingStart, setAnswering, steerCountdown } from './countdown.js';
import { newJoinCode } from './join-code.js';
import * as repo from './sessions.repository.js';

const toInfo = (row: LiveSessionRow): SessionInfo => ({
  id: row.id,
  presentationId: row.presentation_id,
  code: row.code,
  status: row.status,
  startedAt: row.started_at,
  endedAt: row.ended_at,
});

const isOpenAt = (closedAt: string | null, now: Date): boolean => closedAt === null || closedAt > now.toISOString();

/** A stored pace this version does not know reads as the presenter's, as every session was before. */
const paceOf = (row: Pick<LiveSessionRow, 'pace'>): Pace => PACES.find((pace) => pace === row.pace) ?? 'presenter';

/** A timed question (a quiz) at the presenter's pace takes answers only once the room sees it, so everyone gets the same time. */
const awaitsStart = (slide: Slide, countdown: Countdown, pace: Pace): boolean =>
  pace === 'presenter' && timeLimitOf(slide) !== null && isAwaitingStart(countdown);

/** The deck's default for revealing results; a value this version does not know reads as live. */
const revealDefaultOf = (deck: { reveal_results: string } | undefined) =>
  REVEAL_MODES.find((mode) => mode === deck?.reveal_results) ?? 'live';

const DAY_MS = 86_400_000;

/** A slide of a deck run at the audience's pace, in full but for its notes; phones get it through forPhones. */
export interface PacedDeckSlide {
  slide: Slide;
  votingOpen: boolean;
  round: number;
  resultsShown: boolean;
}

export type SessionsService = ReturnType<typeof createSessionsService>;

export function createSessionsService(deps: {
  db: Db;
  clock: Clock;
  bus: Bus;
  presentations: PresentationsService;
  /** Where wrong join codes are counted; this node's memory unless nodes share them. */
  strikeStores?: StrikeStores;
}) {
  const { db, clock, bus } = deps;
  const codeGuard = new JoinCodeGuard(() => clock.now().getTime(), deps.strikeStores);

  async function hosted(q: Queryable, userId: string, sessionId: string): Promise<LiveSessionRow> {
    const row = await repo.findSession(q, sessionId);
    if (!row || row.owner_id !== userId) throw new AppError('not_found', 'There is no such session.');
    return row;
  }

  async function sharedState(q: Queryable, row: LiveSessionRow): Promise<SharedState> {
    const presentation = await presentationsRepo.findPresentation(q, row.presentation_id);
    const slides = await presentationsRepo.listSlides(q, row.presentation_id);
    const found = slides.findIndex((s) => s.id === row.current_slide_id);
    const slideIndex = Math.max(found, 0);
    const slide = slides[slideIndex] ?? null;
    const slideState = slide ? await repo.findSlideState(q, row.id, slide.id) : { ...repo.untouchedSlide, revealed: false };
    const { closedAt, round, revealed } = slideState;
    const awaitingStart = slide !== null && awaitsStart(slide, slideState, paceOf(row));
    const revealDefault = revealDefaultOf(presentation);
    const split = row.split === null ? null : readStoredJson(splitSchema, row.split, `split of session ${row.id}`);
    const anytime = anytimeQa(slides);
    const now = clock.now();
    return {
      sessionId: row.id,
      code: row.code,
      title: presentation?.title ?? '',
      status: row.status,
      seq: row.seq,
      slideIndex,
      slideCount: slides.length,
      slide: slide ? withoutNotes(slide) : null,
      votingOpen:
        row.status === 'live' &&
        slide !== null &&
        isQuestionSlide(slide) &&
        isOpenAt(closedAt, now) &&
        isOpenAt(row.open_until, now) &&
        !awaitingStart,
      round,
      // A close still in the future is a countdown running.
      closesAt: closedAt !== null && isOpenAt(closedAt, now) ? closedAt : null,
      pausedLeftMs: slideState.pausedLeftMs,
      awaitingStart,
      anonymityThreshold: presentation?.anonymity_threshold ?? ANONYMITY.defaultThreshold,
      strictAnonymity: presentation?.strict_anonymity === 1,
      // A question edited or deleted since the split was chosen no longer splits anything.
      split: split !== null && findSegmentingSlide(slides, split.slideId).ok ? split : null,
      askAnytime: anytime && withoutNotes(anytime),
      reactions: row.reactions_off === 0,
      screen: { black: row.screen_black === 1, joinScreen: row.join_screen === 1, codeBar: row.code_bar === 1 },
      resultsShown: slide === null || !isQuestionSlide(slide) || resultsShown(slide.reveal, revealDefault, revealed),
      pace: paceOf(row),
      openUntil: row.open_until,
    };
  }

  /** Commits a change to a session, then tells every node the new state. */
  async function change(
    userId: string,
    sessionId: string,
    apply: (trx: Queryable, row: LiveSessionRow) => Promise<void>,
  ): Promise<SharedState> {
    const state = await db.transaction().execute(async (trx) => {
      const row = await hosted(trx, userId, sessionId);
      if (row.status === 'ended') throw new AppError('session_ended', 'This session has ended.');
      await apply(trx, row);
      return sharedState(trx, (await repo.findSession(trx, sessionId)) as LiveSessionRow);
    });
    await bus.publish(sessionId, { type: 'state', state });
    return state;
  }

  const end = (userId: string, sessionId: string): Promise<SharedState> =>
    change(userId, sessionId, (trx) => repo.updateSession(trx, sessionId, { status: 'ended', ended_at: clock.now().toISOString() }));

  /** A slide's time limit in milliseconds, twice as long when the deck gives everyone more time; null without one. */
  async function timeLimitMs(q: Queryable, row: LiveSessionRow, slide: Slide): Promise<number | null> {
    const seconds = timeLimitOf(slide);
    if (seconds === null) return null;
    const deck = await presentationsRepo.findPresentation(q, row.presentation_id);
    return seconds * (deck?.extended_time === 1 ? EXTENDED_TIME_FACTOR : 1) * 1000;
  }

  /** Applies a countdown step to a slide's current round, or refuses it with the reason. */
  async function steer(
    trx: Queryable,
    row: LiveSessionRow,
    slide: Slide,
    step: Omit<CountdownStep, 'limitMs'>,
    state: Countdown,
  ): Promise<void> {
    const outcome = steerCountdown(state, { ...step, limitMs: await timeLimitMs(trx, row, slide) }, clock.now());
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
    await repo.writeCountdown(trx, row.id, slide.id, outcome.countdown);
    await repo.bumpSeq(trx, row.id);
  }

  /** Starts the countdown of a slide the room now sees when it is a timed question waiting for that. */
  async function startIfAwaiting(trx: Queryable, row: LiveSessionRow, slide: Slide | undefined): Promise<void> {
    if (!slide) return;
    const state = await repo.findSlideState(trx, row.id, slide.id);
    if (awaitsStart(slide, state, paceOf(row))) await steer(trx, row, slide, { action: 'start' }, state);
  }

  async function requireSlide(q: Queryable, row: LiveSessionRow, slideId: string): Promise<Slide> {
    const slide = await presentationsRepo.findSlide(q, row.presentation_id, slideId);
    if (!slide) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
    return slide;
  }

  /**
   * Finds the open session for a code, for a client at `address`; a phone arriving just after the end is told so, not
   * that the code is wrong. Wrong codes are limited per address, so codes cannot be guessed at speed.
   */
  async function openByCode(code: string, address: string): Promise<LiveSessionRow> {
    await codeGuard.assertMayTry(address);
    const row = await repo.findOpenSessionByCode(db, code);
    if (row) return row;
    const dayAgo = new Date(clock.now().getTime() - 86_400_000).toISOString();
    if (await repo.hasEndedSince(db, code, dayAgo))
      throw new AppError('session_ended', 'This session has ended. Thank you for taking part!');
    await codeGuard.wrong(address);
    throw new AppError('unknown_code', 'No open session has that code. Check the code on the screen.');
  }

  return {
    /** Opens a live session of a presentation with a fresh join code. */
    async start(userId: string, presentationId: string): Promise<SessionInfo> {
      const presentation = await deps.presentations.get(userId, presentationId);
      for (let attempt = 0; ; attempt += 1) {
        const row: LiveSessionRow = {
          id: newId(),
          presentation_id: presentation.id,
          owner_id: userId,
          code: newJoinCode(),
          status: 'live',
          current_slide_id: presentation.slides[0]?.id ?? null,
          seq: 1,
          started_at: clock.now().toISOString(),
          ended_at: null,
          split: null,
          answers_purged_at: null,
          reactions_off: 0,
          screen_black: INITIAL_SCREEN.black ? 1 : 0,
          join_screen: INITIAL_SCREEN.joinScreen ? 1 : 0,
          code_bar: INITIAL_SCREEN.codeBar ? 1 : 0,
          pace: 'presenter',
          open_until: null,
        };
        try {
          await repo.insertSession(db, row);
          return toInfo(row);
        } catch (error) {
          // A clash with another open session's code: draw again.
          if (!isUniqueViolation(error) || attempt >= 20) throw error;
        }
      }
    },

    async detail(userId: string, sessionId: string): Promise<Omit<SessionDetail, 'joinUrl' | 'joinReachable'>> {
      const row = await hosted(db, userId, sessionId);
      return { session: toInfo(row), presentation: await deps.presentations.get(userId, row.presentation_id) };
    },

    async end(userId: string, sessionId: string): Promise<SessionInfo> {
      await end(userId, sessionId);
      return toInfo(await hosted(db, userId, sessionId));
    },

    /** Deletes a session the user hosts with everything its audience left, for good. */
    async remove(userId: string, sessionId: string): Promise<void> {
      // Ending first tells every phone and screen through the bus, which closes their sockets.
      if ((await hosted(db, userId, sessionId)).status === 'live') {
        await end(userId, sessionId).catch((error: unknown) => {
          // Ended meanwhile by another request: what deleting needs anyway.
          if (!(error instanceof AppError && error.code === 'session_ended')) throw error;
        });
      }
      await db.transaction().execute(async (trx) => {
        await hosted(trx, userId, sessionId);
        await repo.deleteSession(trx, sessionId);
      });
    },

    /** Shows a slide; a question with a time limit starts its countdown the first time it is shown in a round. */
    goto(userId: string, sessionId: string, slideId: string): Promise<SharedState> {
      return change(userId, sessionId, async (trx, row) => {
        const slide = await requireSlide(trx, row, slideId);
        await repo.updateSession(trx, sessionId, { current_slide_id: slideId });
        // At the audience's pace the presenter's slide is not everyone's, so it starts no one's countdown.
        await startIfAwaiting(trx, row, slide);
      });
    },

    /** Starts, pauses, resumes or extends a question's countdown (see steerCountdown). */
    countdown(userId: string, sessionId: string, slideId: string, step: Omit<CountdownStep, 'limitMs'>): Promise<SharedState> {
      return change(userId, sessionId, async (trx, row) => {
        const slide = await requireSlide(trx, row, slideId);
        if (!isQuestionSlide(slide)) throw new AppError('not_a_question', 'This slide does not take answers.');
        if (step.action === 'start' && paceOf(row) === 'audience') {
          throw new AppError('validation_failed', "At the audience's own pace no countdown is shared by the room.");
        }
        await steer(trx, row, slide, step, await repo.findSlideState(trx, sessionId, slideId));
      });
    },

    /**
     * Closing stores the moment voting closes, now or after a countdown; an answer committed after that
     * moment is refused, whatever timers any node has.
     */
    setVoting(userId: string, sessionId: string, slideId: string, open: boolean, inSeconds = 0): Promise<SharedState> {
      return change(userId, sessionId, async (trx, row) => {
        const slide = await requireSlide(trx, row, slideId);
        if (!isQuestionSlide(slide)) throw new AppError('not_a_question', 'This slide does not take answers.');
        const state = await repo.findSlideState(trx, sessionId, slideId);
        await repo.writeCountdown(trx, sessionId, slideId, setAnswering(state, open, clock.now(), inSeconds * 1000));
        await repo.bumpSeq(trx, sessionId);
      });
    },

    /**
     * Lets each participant move through the deck at their own pace, or gives the presenter the lead again; answers
     * are taken until `openUntil` (in the future, at most PACE_LIMITS.maxOpenDays ahead), or with no end when null.
     */
    setPace(userId: string, sessionId: string, pace: Pace, openUntil: string | null): Promise<SharedState> {
      const now = clock.now().getTime();
      const until = openUntil === null ? null : Date.parse(openUntil);
      if (until !== null && until <= now) throw new AppError('validation_failed', 'openUntil: must be in the future.');
      if (until !== null && until > now + PACE_LIMITS.maxOpenDays * DAY_MS) {
        throw new AppError('validation_failed', `openUntil: at most ${PACE_LIMITS.maxOpenDays} days ahead.`);
      }
      return change(userId, sessionId, (trx) =>
        repo.updateSession(trx, sessionId, { pace, open_until: until === null ? null : new Date(until).toISOString() }),
      );
    },

    /** Lets phones send reactions, or stops them. */
    setReactions(userId: string, sessionId: string, on: boolean): Promise<SharedState> {
      return change(userId, sessionId, (trx) => repo.updateSession(trx, sessionId, { reactions_off: on ? 0 : 1 }));
    },

    /**
     * Blacks the big screen, covers it with the join screen or shows the code bar, or undoes it; what is left out stays.
     * Lifting the join screen shows the room the current slide, so a quiz waiting there starts its countdown.
     */
    setScreen(userId: string, sessionId: string, screen: Partial<Screen>): Promise<SharedState> {
      const flag = (on: boolean | undefined) => (on === undefined ? undefined : on ? 1 : 0);
      return change(userId, sessionId, async (trx, row) => {
        await repo.updateSession(trx, sessionId, {
          screen_black: flag(screen.black),
          join_screen: flag(screen.joinScreen),
          code_bar: flag(screen.codeBar),
        });
        if (screen.joinScreen === false && row.join_screen === 1 && row.current_slide_id !== null) {
          await startIfAwaiting(trx, row, await presentationsRepo.findSlide(trx, row.presentation_id, row.current_slide_id));
        }
      });
    },

    /** Reveals a question's results to the big screen and phones for its current round, or hides them again. */
    revealResults(userId: string, sessionId: string, slideId: string, shown: boolean): Promise<SharedState> {
      return change(userId, sessionId, async (trx, row) => {
        const slide = await requireSlide(trx, row, slideId);
        if (!isQuestionSlide(slide)) throw new AppError('not_a_question', 'This slide does not take answers.');
        await repo.writeRevealed(trx, sessionId, slideId, shown);
        await repo.bumpSeq(trx, sessionId);
      });
    },

    /** Holds a slide's free text for approval from now on, or stops; what was shown stays shown. */
    setApproveFirst(userId: string, sessionId: string, slideId: string, on: boolean): Promise<SharedState> {
      return change(userId, sessionId, async (trx, row) => {
        const slide = await requireSlide(trx, row, slideId);
        if (!isApprovable(slide)) throw new AppError('validation_failed', 'This slide takes no free text to approve.');
        await presentationsRepo.updateSlide(trx, row.presentation_id, { ...slide, approveFirst: on });
        // Every screen takes the edited slide with the next state.
        await repo.bumpSeq(trx, sessionId);
      });
    },

    /** Splits the big screen's results by a single-choice question of the deck (everyone, one group, or side by side), or stops. */
    setSplit(userId: string, sessionId: string, split: Split | null): Promise<SharedState> {
      return change(userId, sessionId, async (trx, row) => {
        if (split !== null) {
          const found = findSegmentingSlide(await presentationsRepo.listSlides(trx, row.presentation_id), split.slideId);
          if (!found.ok) throw AppError.from(found.problem);
          const { show } = split;
          if (typeof show === 'object' && show.optionId !== null && !found.slide.options.some((option) => option.id === show.optionId)) {
            throw new AppError('unknown_option', 'That group is not an option of the question.');
          }
        }
        await repo.updateSession(trx, sessionId, { split: split === null ? null : JSON.stringify(split) });
      });
    },

    /** Clears a question's results: a new round starts, open for answers; earlier answers stay stored. */
    async resetResults(userId: string, sessionId: string, slideId: string): Promise<SharedState> {
      const state = await change(userId, sessionId, async (trx, row) => {
        const slide = await requireSlide(trx, row, slideId);
        if (!isQuestionSlide(slide)) throw new AppError('not_a_question', 'This slide does not take answers.');
        await repo.startNextRound(trx, sessionId, slideId);
        // A quiz on screen starts its new round at once; one elsewhere waits to be shown again.
        if (row.current_slide_id === slideId) await startIfAwaiting(trx, row, slide);
        await repo.bumpSeq(trx, sessionId);
      });
      await bus.publish(sessionId, { type: 'answers-changed', slideId });
      return state;
    },

    async lookup(code: string, address: string): Promise<JoinInfo> {
      const row = await openByCode(code, address);
      const presentation = await presentationsRepo.findPresentation(db, row.presentation_id);
      return { sessionId: row.id, code: row.code, title: presentation?.title ?? '' };
    },

    openByCode,

    /** Checks that a user may drive a session. */
    hosted: (userId: string, sessionId: string) => hosted(db, userId, sessionId),

    async state(sessionId: string): Promise<SharedState> {
      const row = await repo.findSession(db, sessionId);
      if (!row) throw new AppError('not_found', 'There is no such session.');
      return sharedState(db, row);
    },

    /** Whether a session's end for answers has passed. */
    hasClosed: (openUntil: string | null): boolean => !isOpenAt(openUntil, clock.now()),

    /** Every slide of the session's deck with its voting, round and reveal, for phones moving through it at their own pace. */
    async pacedDeck(sessionId: string): Promise<PacedDeckSlide[]> {
      const row = await repo.findSession(db, sessionId);
      if (!row) throw new AppError('not_found', 'There is no such session.');
      const presentation = await presentationsRepo.findPresentation(db, row.presentation_id);
      const slides = await presentationsRepo.listSlides(db, row.presentation_id);
      const states = await repo.listSlideStates(db, sessionId);
      const now = clock.now();
      const answering = row.status === 'live' && isOpenAt(row.open_until, now);
      return slides.map((slide) => {
        const { closedAt, round, revealed } = states.get(slide.id) ?? { ...repo.untouchedSlide, revealed: false };
        const question = isQuestionSlide(slide);
        return {
          slide: withoutNotes(slide),
          votingOpen: answering && question && isOpenAt(closedAt, now),
          round,
          resultsShown: !question || resultsShown(slide.reveal, revealDefaultOf(presentation), revealed),
        };
      });
    },

    /** A slide of the session's presentation and its current round, whatever the session's status; for results. */
    async slideWithRound(
      sessionId: string,
      slideId: string,
    ): Promise<{ slide: Slide; round: number; language: DeckLanguage; filterOffensive: boolean } | undefined> {
      const row = await repo.findSession(db, sessionId);
      const slide = row ? await presentationsRepo.findSlide(db, row.presentation_id, slideId) : undefined;
      const deck = slide && row ? await presentationsRepo.findPresentation(db, row.presentation_id) : undefined;
      if (!slide || !deck) return undefined;
      return {
        slide,
        round: (await repo.findSlideState(db, sessionId, slideId)).round,
        language: presentationsRepo.deckLanguageOf(deck),
        filterOffensive: deck.filter_offensive === 1,
      };
    },

    /** The slides a batch of answers is for, read inside the batch's transaction; or why the session takes none. */
    async answerTargets(q: Queryable, sessionId: string, slideIds: readonly string[]): Promise<Map<string, AnswerTarget> | AppError> {
      const found = await repo.findSessionSlides(q, sessionId, slideIds);
      if (!found) return new AppError('not_found', 'There is no such session.');
      if (found.status === 'ended') return new AppError('session_ended', 'This session has ended.');
      const now = clock.now();
      if (!isOpenAt(found.openUntil, now)) {
        return new AppError('session_closed', `This session stopped taking answers at ${found.openUntil}.`);
      }
      const language = presentationsRepo.deckLanguageOf(found.deck);
      // Free text waits for the presenter when the slide approves first, or when the deck's filter flags it.
      const holdsBackOn =
        (slide: Slide) =>
        (answer: Answer): boolean => {
          const text = shownTextOf(answer);
          return text !== null && (approvesFirst(slide) || (found.deck.filter_offensive === 1 && isOffensive(text, language)));
        };
      return new Map(
        found.slides.map(({ slide, state }) => [
          slide.id,
          {
            slide,
            votingOpen: isOpenAt(state.closedAt, now) && !awaitsStart(slide, state, paceOf(found)),
            round: state.round,
            holdsBack: holdsBackOn(slide),
          },
        ]),
      );
    },
  };
}
