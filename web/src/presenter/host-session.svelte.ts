import { ANONYMITY, type QaAction, type Results, type Segment, type SessionDetail, type Slide, type Split } from '@ettor/protocol';
import { api } from '../api/client';
import { describeError } from '../api/error-text';
import { LiveClient } from '../live/live-client.svelte';
import { parseServerMessageStrictly } from '../live/parse-message-strict';

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
    return this.slides[this.index] ?? null;
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

  /** Approves, hides, answers or pins a question of the current Q&A. */
  moderateQuestion(questionId: string, action: QaAction): void {
    this.live.moderateQuestion(questionId, action);
  }

  /** Lets phones send reactions, or stops them. */
  setReactions(on: boolean): void {
    this.live.command({ type: 'set-reactions', on });
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
