import {
  ANONYMITY,
  INITIAL_SCREEN,
  isApprovable,
  isQuestionSlide,
  MAX_COUNTDOWN_SECONDS,
  timeLimitOf,
  type CountdownMessage,
  type QaAction,
  type Results,
  type Screen,
  type Segment,
  type SessionDetail,
  type SessionState,
  type Slide,
  type Split,
  type Pace,
} from '@ettor/protocol';
import { api } from '../api/client';
import { describeError } from '../api/error-text';
import { LiveClient } from '../live/live-client.svelte';
import { parseServerMessageStrictly } from '../live/parse-message-strict';
import type { Voting } from '../slides/kind';

/** A presenter's hold on a live session: the full deck from HTTP, the live state from the socket. */
export class HostSession {
  detail = $state.raw<SessionDetail | null>(null);
  loadError = $state('');
  readonly live: LiveClient;
  readonly id: string;

  constructor(sessionId: string) {
    this.id = sessionId;
    this.live = new LiveClient({ role: 'host', sessionId }, {}, parseServerMessageStrictly);
  }

  async start(): Promise<void> {
    try {
      this.detail = await api('getSession', { params: { id: this.id } });
      if (this.detail.session.status === 'live') this.live.start();
    } catch (error) {
      this.loadError = describeError(error);
    }
  }

  stop(): void {
    this.live.stop();
  }

  get slides(): Slide[] {
    return this.detail?.presentation.slides ?? [];
  }

  get index(): number {
    const shown = this.live.session?.slide?.id;
    const found = shown ? this.slides.findIndex((s) => s.id === shown) : -1;
    return found >= 0 ? found : (this.live.session?.slideIndex ?? 0);
  }

  /** The current slide from the deck, so speaker notes are included. */
  get current(): Slide | null {
    const slide = this.slides[this.index] ?? null;
    const shown = this.live.session?.slide;
    // Approval may be switched during the talk: the live state has the setting as it is now.
    if (slide && shown?.id === slide.id && isApprovable(slide) && isApprovable(shown) && shown.approveFirst !== slide.approveFirst) {
      return { ...slide, approveFirst: shown.approveFirst };
    }
    return slide;
  }

  get votingOpen(): boolean {
    return this.live.session?.votingOpen ?? true;
  }

  get results(): Results | undefined {
    const current = this.current;
    return current ? this.live.results[current.id] : undefined;
  }

  /** How many have answered the current question when the server withholds its results under k (strict anonymity). */
  get withheld(): number | undefined {
    const current = this.current;
    return current ? this.live.withheld[current.id] : undefined;
  }

  /** How many have answered the current question, whether or not its results may be shown. */
  get respondents(): number | null {
    return this.results?.respondents ?? this.withheld ?? null;
  }

  /** k: results of fewer participants are not for the big screen. */
  get threshold(): number {
    return this.live.session?.anonymityThreshold ?? ANONYMITY.defaultThreshold;
  }

  get split(): Split | null {
    return this.live.session?.split ?? null;
  }

  /** The current question's results per group of the split question, once counted for the split as it is now. */
  get segments(): Segment[] | undefined {
    const current = this.current;
    const counted = current ? this.live.segments[current.id] : undefined;
    return counted && counted.splitBy === this.split?.slideId ? counted.segments : undefined;
  }

  /** Where phones go: the server's idea of a reachable address, not necessarily this browser's. */
  get joinUrl(): string {
    return this.detail?.joinUrl ?? location.origin;
  }

  /** False when no phone can reach joinUrl, so the big screen must not advertise it. */
  get joinReachable(): boolean {
    return this.detail?.joinReachable ?? true;
  }

  get code(): string {
    return this.detail?.session.code ?? '';
  }

  get ended(): boolean {
    return this.live.status === 'ended' || this.detail?.session.status === 'ended';
  }

  go(delta: number): void {
    const target = this.slides[this.index + delta];
    if (target) this.goto(target.id);
  }

  goto(slideId: string): void {
    this.live.command({ type: 'goto', slideId });
  }

  toggleVoting(): void {
    if (this.current) this.live.command({ type: 'set-voting', slideId: this.current.id, open: !this.votingOpen });
  }

  /** Starts a countdown that closes voting on the current question. */
  closeAfter(seconds: number): void {
    if (this.current) this.live.command({ type: 'set-voting', slideId: this.current.id, open: false, inSeconds: seconds });
  }

  /** Whether the current question is timed from the start (a quiz), so its countdown may be started, extended, paused and resumed. */
  get timed(): boolean {
    return this.current !== null && timeLimitOf(this.current) !== null;
  }

  /** Whether the live state speaks of the current slide: the deck loaded here may not have the state's slide yet. */
  get #stateOfCurrent(): boolean {
    return this.current !== null && this.live.session?.slide?.id === this.current.id;
  }

  /** Whether the current question is timed and its countdown has not begun: no answers yet, until the room sees it. */
  get awaitingStart(): boolean {
    return this.#stateOfCurrent && this.live.awaitingStart;
  }

  /** Whole seconds a paused countdown of the current question has left, rounded up; null when it is not paused. */
  get pausedSeconds(): number | null {
    const left = this.live.pausedLeftMs;
    return this.#stateOfCurrent && left !== null ? Math.ceil(left / 1000) : null;
  }

  /** The current question's answering as the big screen and the control view draw it. */
  get voting(): Voting {
    return {
      open: this.votingOpen,
      closesAt: this.live.closesAt,
      pausedLeftMs: this.#stateOfCurrent ? this.live.pausedLeftMs : null,
      awaitingStart: this.awaitingStart,
    };
  }

  /** Starts the countdown of the current question that waits for it, for everyone at once. */
  startCountdown(): void {
    if (this.awaitingStart) this.#steerCountdown('start');
  }

  /** Stops the running countdown; answering stays open, and the server keeps what was left. */
  pauseCountdown(): void {
    if (this.live.closesAt !== null) this.#steerCountdown('pause');
  }

  /** Runs a paused countdown on from what it had left. */
  resumeCountdown(): void {
    if (this.pausedSeconds !== null) this.#steerCountdown('resume');
  }

  /** Gives the running or paused countdown more time; the server caps what it then has left. */
  extendCountdown(seconds: number): void {
    if (this.live.closesAt === null && this.pausedSeconds === null) return;
    this.#steerCountdown('extend', Math.min(MAX_COUNTDOWN_SECONDS, seconds));
  }

  #steerCountdown(action: CountdownMessage['action'], seconds?: number): void {
    const slide = this.current;
    if (slide) this.live.command({ type: 'countdown', slideId: slide.id, action, ...(seconds === undefined ? {} : { seconds }) });
  }

  /** Clears the current question's results so everyone can answer again; earlier answers stay stored. */
  resetResults(): void {
    if (this.current) this.live.command({ type: 'reset-results', slideId: this.current.id });
  }

  hideAnswer(answerId: string, hidden: boolean): void {
    if (this.current) this.live.command({ type: 'hide-answer', slideId: this.current.id, answerId, hidden });
  }

  hideWord(word: string, hidden: boolean): void {
    if (this.current) this.live.command({ type: 'hide-word', slideId: this.current.id, word, hidden });
  }

  mergeWord(word: string, into: string): void {
    if (this.current) this.live.command({ type: 'merge-word', slideId: this.current.id, word, into });
  }

  splitWord(word: string): void {
    if (this.current) this.live.command({ type: 'split-word', slideId: this.current.id, word });
  }

  /** The slide after the current one, from the deck (notes included); null at the end. */
  get next(): Slide | null {
    return this.slides[this.index + 1] ?? null;
  }

  /** The change of the screen this page last asked for, and the state it was asked over. */
  #asked = $state.raw<{ over: SessionState | null; change: Partial<Screen> } | null>(null);

  /** Black screen, join screen and code bar as the server keeps them, so every window of the talk agrees. */
  get screen(): Screen {
    const kept = this.live.session?.screen ?? INITIAL_SCREEN;
    // Until the server's next state, what this page asked for: a clicker's second press within the round trip builds on the first.
    return this.#asked !== null && this.#asked.over === this.live.session ? { ...kept, ...this.#asked.change } : kept;
  }

  /** Whether the current slide's results may show on the big screen and phones now. */
  get resultsShown(): boolean {
    return this.live.session?.resultsShown ?? true;
  }

  /** Whether the current question's results wait for the presenter to reveal them (its own `reveal`, else the deck's). */
  get revealable(): boolean {
    const slide = this.current;
    return slide !== null && isQuestionSlide(slide) && (slide.reveal ?? this.detail?.presentation.revealResults) === 'on-reveal';
  }

  /** Next, as a clicker means it: first lifts the join screen off the current slide, then moves on. */
  forward(): void {
    if (!this.screen.joinScreen) return this.go(1);
    this.setScreen({ joinScreen: false });
    // Revealing the slide under the join screen shows it, as moving to it would: a quiz there starts its countdown now.
    if (this.current) this.goto(this.current.id);
  }

  /** Previous; from the first slide, back to the join screen. */
  back(): void {
    if (this.index === 0) this.setScreen({ joinScreen: true });
    else this.go(-1);
  }

  /** Changes what the big screen shows besides the slide. */
  setScreen(change: Partial<Screen>): void {
    const earlier = this.#asked !== null && this.#asked.over === this.live.session ? this.#asked.change : {};
    this.#asked = { over: this.live.session, change: { ...earlier, ...change } };
    this.live.command({ type: 'set-screen', ...change });
  }

  /** H: reveals the current question's results, or hides them again; only where they wait for it. */
  toggleResults(): void {
    if (this.revealable) this.revealResults(!this.resultsShown);
  }

  /** L: closes or opens answering, on a question. */
  toggleLock(): void {
    if (this.current && isQuestionSlide(this.current)) this.toggleVoting();
  }

  /** B: blacks the big screen, or brings the slide back. */
  toggleBlack(): void {
    this.setScreen({ black: !this.screen.black });
  }

  /** Q: covers the big screen with the join screen, or lifts it. */
  toggleJoinScreen(): void {
    this.setScreen({ joinScreen: !this.screen.joinScreen });
  }

  /** Reveals the current question's results, or hides them again. */
  revealResults(shown: boolean): void {
    const slide = this.current;
    if (slide) this.live.command({ type: 'reveal-results', slideId: slide.id, shown });
  }

  /** Approves, hides, answers or pins a question of the current Q&A. */
  moderateQuestion(questionId: string, action: QaAction): void {
    this.live.moderateQuestion(questionId, action);
  }

  /** Shows a player's nickname on leaderboards (`approve`, also after a `hide`), or keeps it off them (`hide`). */
  moderateNickname(nickname: string, action: 'approve' | 'hide'): void {
    this.live.command({ type: 'moderate-nickname', nickname, action });
  }

  /** Who moves through the deck: the presenter, or each participant on their own phone. */
  get pace(): Pace {
    return this.live.session?.pace ?? 'presenter';
  }

  /** When the session stops taking answers (an ISO time); null for no end. */
  get openUntil(): string | null {
    return this.live.session?.openUntil ?? null;
  }

  /** Lets each participant move through the deck at their own pace until `openUntil` (null: no end), or takes the lead again. */
  setPace(pace: Pace, openUntil: string | null): void {
    this.live.command({ type: 'set-pace', pace, openUntil });
  }

  /** Lets phones send reactions, or stops them. */
  setReactions(on: boolean): void {
    this.live.command({ type: 'set-reactions', on });
  }

  /** Holds a slide's free text for approval from now on, or stops. */
  setApproveFirst(slideId: string, on: boolean): void {
    this.live.command({ type: 'set-approve-first', slideId, on });
  }

  /** Splits the big screen's results by a single-choice question, or stops splitting them (null). */
  setSplit(split: Split | null): void {
    this.live.command({ type: 'set-split', split });
  }

  async end(): Promise<void> {
    await api('endSession', { params: { id: this.id } });
    this.live.stop();
    this.live.status = 'ended';
  }
}
