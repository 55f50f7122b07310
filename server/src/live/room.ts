import {
  type Results,
  type Score,
  type Segment,
  type ServerMessage,
  type SessionState,
  hasResults,
  isQuestionSlide,
  applyThreshold,
  forPhones,
  showsResultsOnPhones,
  showsScores,
  slideSources,
  splitsBySegment,
  resultsForPhones,
} from '@ettor/protocol';
import type { SessionEvent, SharedState } from '../bus/bus.js';
import { type LoadSlideAnswers, LiveResults } from '../responses/live-results.js';
import type { Connection } from './connection.js';
import { StoreCount } from './store-count.js';
import { Throttle } from './throttle.js';

/**
 * How often the big screen may get new results per slide, and phones (there are many more of them). Tallies
 * are kept in memory, so the big screen can follow the room closely at little cost.
 */
const HOST_RESULTS_MS = 50;
const AUDIENCE_RESULTS_MS = 1000;
/** Results drawn from other slides' answers, and results split by group, are counted from the store, so less often. */
const STORE_COUNT_MS = 500;
const PRESENCE_MS = 250;
/** Read the state just after a countdown's end, so the stored close time has certainly passed. */
const COUNTDOWN_GRACE_MS = 50;

export interface RoomDeps {
  slideAnswers: LoadSlideAnswers;
  /** The results of a slide drawn from other slides' answers, counted from the store; undefined for any other slide. */
  derivedResults: (sessionId: string, slideId: string) => Promise<Results | undefined>;
  /** A slide's results per group of a single-choice question, k applied; undefined when they cannot be split so. */
  segments: (sessionId: string, slideId: string, splitBy: string) => Promise<Segment[] | undefined>;
  /** Every player's quiz score as of a slide, counted from the store; undefined when the slide is gone. */
  scores: (sessionId: string, slideId: string) => Promise<{ byPlayer: ReadonlyMap<string, Score>; nobody: Score } | undefined>;
  /** Reads the stored state again, for when a countdown ends: the stored time decides, the timer only tells. */
  state: (sessionId: string) => Promise<SharedState>;
  onError: (error: unknown) => void;
}

/** The sockets of one session on this node. Delivers what the bus says; decides nothing itself. */
export class Room {
  readonly hosts = new Set<Connection>();
  readonly audience = new Set<Connection>();
  /** Sockets per participant: one phone may have two tabs open. */
  private readonly participants = new Map<string, number>();
  private readonly hostResults = new Throttle(HOST_RESULTS_MS);
  private readonly hostDerived = new Throttle(STORE_COUNT_MS);
  private readonly hostSegments = new Throttle(STORE_COUNT_MS);
  private readonly audienceResults = new Throttle(AUDIENCE_RESULTS_MS);
  private readonly presence = new Throttle(PRESENCE_MS);
  private readonly results: LiveResults;
  private readonly derived: StoreCount<Results | undefined>;
  private readonly segments: StoreCount<Segment[] | undefined>;
  private readonly scores: StoreCount<Awaited<ReturnType<RoomDeps['scores']>>>;
  /** The slide and voting state phones were last told their scores for, so that each change tells them once. */
  private scoresToldFor = '';
  private countdownTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly sessionId: string,
    private state: SharedState,
    private readonly deps: RoomDeps,
  ) {
    this.results = new LiveResults(sessionId, deps.slideAnswers);
    this.derived = new StoreCount((slideId) => deps.derivedResults(sessionId, slideId));
    // Keyed by the question and the split question; ids never hold a space.
    this.segments = new StoreCount((key) => {
      const [slideId = '', splitBy = ''] = key.split(' ');
      return deps.segments(sessionId, slideId, splitBy);
    });
    this.scores = new StoreCount((slideId) => deps.scores(sessionId, slideId));
    this.scheduleCountdownEnd();
  }

  get isEmpty(): boolean {
    return this.hosts.size === 0 && this.audience.size === 0;
  }

  get participantCount(): number {
    return this.participants.size;
  }

  socketsOf(participantId: string): number {
    return this.participants.get(participantId) ?? 0;
  }

  /** The state as every socket gets it: the slide without what would give an answer away, which the room's own tallies need. */
  currentState(): SessionState {
    const { closesAt, slide, ...shared } = this.state;
    const closesInMs = closesAt === null ? null : Math.max(0, Date.parse(closesAt) - Date.now());
    return { ...shared, slide: slide && forPhones(slide), closesInMs, participants: this.participantCount };
  }

  addHost(connection: Connection): void {
    this.hosts.add(connection);
  }

  addParticipant(connection: Connection, participantId: string): void {
    this.audience.add(connection);
    this.participants.set(participantId, (this.participants.get(participantId) ?? 0) + 1);
    this.schedulePresence();
  }

  remove(connection: Connection): void {
    this.hosts.delete(connection);
    if (!this.audience.delete(connection) || !connection.participantId) return;
    const remaining = (this.participants.get(connection.participantId) ?? 1) - 1;
    if (remaining > 0) this.participants.set(connection.participantId, remaining);
    else this.participants.delete(connection.participantId);
    this.schedulePresence();
  }

  handle(event: SessionEvent): void {
    switch (event.type) {
      case 'state':
        // States may arrive out of order across nodes; the sequence number decides.
        if (event.state.seq < this.state.seq) return;
        this.state = event.state;
        this.results.slideShown(this.state.slide, this.state.round);
        // The slide may be new, edited to draw on other questions, or split another way.
        this.derived.changed();
        this.segments.changed();
        this.scheduleCountdownEnd();
        this.broadcast(this.everyone(), { type: 'state', state: this.currentState() });
        if (this.state.slide) this.scheduleResults(this.state.slide.id);
        this.tellScores();
        return;
      case 'answers-stored':
        this.results.stored(event.slideId, event.round, event.answers);
        this.scheduleResults(event.slideId);
        return;
      case 'answers-changed':
        this.results.recount(event.slideId);
        this.scheduleResults(event.slideId);
        return;
      case 'reactions':
        this.broadcast(this.hosts, { type: 'reactions', slideId: event.slideId, added: event.added, totals: event.totals });
        return;
      case 'qa-changed':
        if (event.slideId === this.derivedSlideShown()) this.scheduleResults(event.slideId);
        else if (event.slideId === this.state.askAnytime?.id) this.scheduleAnytimeQa(event.slideId);
        return;
    }
  }

  /** Sends the current slide's results to one socket now, e.g. right after it joined; a host gets them split too, when they are. */
  async sendCurrentResults(connection: Connection): Promise<void> {
    const anytime = this.state.askAnytime?.id;
    if (connection.role !== 'audience' && anytime !== undefined && anytime !== this.state.slide?.id) {
      const questions = await this.resultsOf(anytime);
      if (questions) connection.send(this.resultsMessage(questions, false));
    }
    const slideId = this.state.slide?.id;
    if (!slideId) return;
    const results = await this.resultsOf(slideId);
    if (results) connection.send(this.resultsMessage(results, connection.role === 'audience'));
    const splitBy = this.splitOf(slideId);
    if (connection.role !== 'audience' && splitBy !== undefined) {
      const segments = await this.segments.current(`${slideId} ${splitBy}`);
      if (segments) connection.send({ type: 'segments', slideId, splitBy, segments });
    }
  }

  /** Sends a phone its quiz score now, e.g. right after it joined, when the slide shown is one that tells it. */
  async sendScore(connection: Connection): Promise<void> {
    const { slide, votingOpen } = this.state;
    if (!slide || !showsScores(slide, votingOpen) || !connection.participantId) return;
    const scores = await this.scores.current(slide.id);
    if (scores) connection.send({ type: 'score', score: scores.byPlayer.get(connection.participantId) ?? scores.nobody });
  }

  /** Whether phones see this slide's results: a kind that shows them there, once the presenter let them show. */
  showsResultsOnPhones(slideId: string): boolean {
    const slide = this.state.slide;
    return slide?.id === slideId && this.state.resultsShown && showsResultsOnPhones(slide);
  }

  dispose(): void {
    clearTimeout(this.countdownTimer);
    this.hostResults.clear();
    this.hostDerived.clear();
    this.hostSegments.clear();
    this.audienceResults.clear();
    this.presence.clear();
  }

  /** Tells every phone its own score once per change into a slide that shows scores: a quiz question closing, a leaderboard. */
  private tellScores(): void {
    const { slide, votingOpen } = this.state;
    const key = slide && showsScores(slide, votingOpen) ? `${slide.id} ${this.state.round}` : '';
    if (key === this.scoresToldFor) return;
    this.scoresToldFor = key;
    if (!slide || key === '') return;
    // Answers committed just before the close are in the store by now: the close is a stored time every commit checked.
    this.scores.changed();
    this.scores
      .current(slide.id)
      .then((scores) => {
        // A phone that has moved on to another slide meanwhile is not told about this one.
        if (!scores || this.state.slide?.id !== slide.id) return;
        for (const connection of this.audience) {
          if (connection.participantId)
            connection.send({ type: 'score', score: scores.byPlayer.get(connection.participantId) ?? scores.nobody });
        }
      })
      .catch(this.deps.onError);
  }

  /** When a countdown runs, everyone is told the moment it ends, from the stored state. */
  private scheduleCountdownEnd(): void {
    clearTimeout(this.countdownTimer);
    const { closesAt } = this.state;
    if (closesAt === null) return;
    this.countdownTimer = setTimeout(
      () => {
        this.deps
          .state(this.sessionId)
          .then((state) => this.handle({ type: 'state', state }))
          .catch(this.deps.onError);
      },
      Math.max(0, Date.parse(closesAt) - Date.now()) + COUNTDOWN_GRACE_MS,
    );
  }

  /** The slide on screen when its results are drawn from other slides' answers. */
  private derivedSlideShown(): string | undefined {
    const slide = this.state.slide;
    return slide && hasResults(slide) && !isQuestionSlide(slide) ? slide.id : undefined;
  }

  private resultsOf(slideId: string): Promise<Results | undefined> {
    return slideId === this.derivedSlideShown() || slideId === this.state.askAnytime?.id
      ? this.derived.current(slideId)
      : this.results.results(slideId);
  }

  /** The presenter follows the Q&A that takes questions from any slide (to approve them) while another slide is shown. */
  private scheduleAnytimeQa(slideId: string): void {
    this.derived.changed();
    this.hostDerived.request(slideId, () => this.deliverResults(slideId, this.hosts, false));
  }

  /** The question the current slide's results are split by, when it is a slide that splits (a question, a Q&A, a leaderboard). */
  private splitOf(slideId: string): string | undefined {
    const { slide, split } = this.state;
    return split !== null && slide?.id === slideId && splitsBySegment(slide) && slide.id !== split.slideId ? split.slideId : undefined;
  }

  /**
   * Results as a socket may see them: a question's results (or parts of them) of fewer than k go to no phone, nor in
   * strict mode to any screen, and nothing hidden or awaiting approval goes to a phone; the presenter's screens
   * otherwise get them all and withhold on the big screen themselves.
   */
  private resultsMessage(all: Results, toAudience: boolean): ServerMessage {
    const results = toAudience ? resultsForPhones(all) : all;
    const shown = toAudience || this.state.strictAnonymity ? applyThreshold(results, this.state.anonymityThreshold) : results;
    return shown === null
      ? { type: 'withheld', slideId: results.slideId, respondents: results.respondents }
      : { type: 'results', results: shown };
  }

  private scheduleResults(slideId: string): void {
    const shown = this.state.slide;
    const derivedId = this.derivedSlideShown();
    if (derivedId !== undefined && shown && (slideId === derivedId || slideSources(shown).includes(slideId))) {
      this.derived.changed();
      this.hostDerived.request(derivedId, () => this.deliverResults(derivedId, this.hosts, false));
      this.audienceResults.request(derivedId, () => this.deliverResults(derivedId, this.audience, true));
    }
    if (shown && (slideId === shown.id || slideId === this.state.split?.slideId)) {
      const splitBy = this.splitOf(shown.id);
      if (splitBy !== undefined) {
        this.segments.changed();
        this.hostSegments.request(shown.id, () => this.deliverSegments(shown.id, splitBy));
      }
    }
    if (slideId === derivedId) return;
    this.hostResults.request(slideId, () => this.deliverResults(slideId, this.hosts, false));
    if (this.showsResultsOnPhones(slideId)) {
      this.audienceResults.request(slideId, () => this.deliverResults(slideId, this.audience, true));
    }
  }

  private deliverResults(slideId: string, to: Set<Connection>, toAudience: boolean): void {
    if (to.size === 0) return;
    this.resultsOf(slideId)
      .then((results) => {
        if (results) this.broadcast(to, this.resultsMessage(results, toAudience));
      })
      .catch(this.deps.onError);
  }

  private deliverSegments(slideId: string, splitBy: string): void {
    // The split may have changed while this waited.
    if (this.hosts.size === 0 || this.splitOf(slideId) !== splitBy) return;
    this.segments
      .current(`${slideId} ${splitBy}`)
      .then((segments) => {
        if (segments) this.broadcast(this.hosts, { type: 'segments', slideId, splitBy, segments });
      })
      .catch(this.deps.onError);
  }

  private schedulePresence(): void {
    this.presence.request('presence', () => {
      this.broadcast(this.hosts, { type: 'presence', participants: this.participantCount });
    });
  }

  private everyone(): Iterable<Connection> {
    return [...this.hosts, ...this.audience];
  }

  private broadcast(to: Iterable<Connection>, message: ServerMessage): void {
    // Encoded once: a broadcast to 10,000 phones serialises and converts to bytes once, not per socket.
    const data = Buffer.from(JSON.stringify(message));
    for (const connection of to) connection.sendRaw(data);
  }
}
