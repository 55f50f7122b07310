import {
  type PacedSlide,
  type Results,
  type Score,
  type Segment,
  type ServerMessage,
  type SessionState,
  hasResults,
  isQuestionSlide,
  applyThreshold,
  followerSees,
  forPhones,
  showsResultsOnPhones,
  showsScores,
  slideSources,
  splitsBySegment,
  resultsForPhones,
} from '@ettor/protocol';
import type { PresenceEvent, SessionEvent, SharedState } from '../bus/bus.js';
import { type LoadSlideAnswers, LiveResults } from '../responses/live-results.js';
import type { PacedDeckSlide } from '../sessions/sessions.service.js';
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
/** Each node tells the others its participants this often; a node not heard from for three times as long is gone. */
export const PRESENCE_HEARTBEAT_MS = 2000;
const PRESENCE_EXPIRES_MS = 3 * PRESENCE_HEARTBEAT_MS + 500;
/** Read the state just after a countdown's end, so the stored close time has certainly passed. */
const COUNTDOWN_GRACE_MS = 50;

export interface RoomDeps {
  /** This node's name, as in the presence it announces. */
  node: string;
  /** Tells the session's other nodes this node's participants (on the bus). */
  announce: (event: PresenceEvent) => void;
  slideAnswers: LoadSlideAnswers;
  /** The results of a slide drawn from other slides' answers, counted from the store; undefined for any other slide. */
  derivedResults: (sessionId: string, slideId: string) => Promise<Results | undefined>;
  /** A slide's results per group of a single-choice question, k applied; undefined when they cannot be split so. */
  segments: (sessionId: string, slideId: string, splitBy: string) => Promise<Segment[] | undefined>;
  /** Every player's quiz score as of a slide, counted from the store; undefined when the slide is gone. */
  scores: (sessionId: string, slideId: string) => Promise<{ byPlayer: ReadonlyMap<string, Score>; nobody: Score } | undefined>;
  /** Every slide of the deck with its voting, round and reveal, for phones moving through it at their own pace. */
  pacedDeck: (sessionId: string) => Promise<PacedDeckSlide[]>;
  /** Whether a session's end for answers (`openUntil`) has passed, on the server's clock. */
  hasClosed: (openUntil: string | null) => boolean;
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
  /** The participants other nodes last told of, with when. */
  private readonly elsewhere = new Map<string, { participants: number; seq: number; heardAt: number }>();
  private presenceSeq = 0;
  /** The count hosts were last told, so a node's expiry that changes nothing sends nothing. */
  private presenceTold = -1;
  private readonly hostResults = new Throttle(HOST_RESULTS_MS);
  private readonly hostDerived = new Throttle(STORE_COUNT_MS);
  private readonly hostSegments = new Throttle(STORE_COUNT_MS);
  private readonly audienceResults = new Throttle(AUDIENCE_RESULTS_MS);
  private readonly presence = new Throttle(PRESENCE_MS);
  private readonly results: LiveResults;
  private readonly derived: StoreCount<Results | undefined>;
  private readonly segments: StoreCount<Segment[] | undefined>;
  private readonly scores: StoreCount<Awaited<ReturnType<RoomDeps['scores']>>>;
  private readonly deck: StoreCount<PacedDeckSlide[]>;
  /** The deck's slides as last read, by id: which slides a viewed one draws on. */
  private deckSlides = new Map<string, PacedDeckSlide>();
  /** The deck as phones were last sent it, so an unchanged deck is not sent again. */
  private deckSent = '';
  /** Counts reads of the deck, so a read overtaken by a later one sends nothing. */
  private deckReads = 0;
  /** Phones moving at their own pace, by the slide each is on. */
  private readonly viewers = new Map<string, Set<Connection>>();
  /** The results of slides without answers of their own (drawn from others, a Q&A) as viewed at the audience's own pace, counted once per change however many phones view them. */
  private readonly viewedCounts = new Map<string, Promise<Results | undefined>>();
  /** Phones following from afar: sent the results the big screen shows, of every kind. */
  private readonly followers = new Set<Connection>();
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
    this.deck = new StoreCount(() => deps.pacedDeck(sessionId));
    this.scheduleCountdownEnd();
  }

  get isEmpty(): boolean {
    return this.hosts.size === 0 && this.audience.size === 0;
  }

  /** Participants in the whole room: this node's and what the others last told, as long as they keep telling. */
  get participantCount(): number {
    let count = this.participants.size;
    for (const node of this.elsewhere.values()) count += node.participants;
    return count;
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
    this.stopViewing(connection);
    this.followers.delete(connection);
    if (!this.audience.delete(connection) || !connection.participantId) return;
    const remaining = (this.participants.get(connection.participantId) ?? 1) - 1;
    if (remaining > 0) this.participants.set(connection.participantId, remaining);
    else this.participants.delete(connection.participantId);
    this.schedulePresence();
  }

  handle(event: SessionEvent): void {
    if (event.type !== 'reactions' && event.type !== 'presence') this.viewedCounts.clear();
    switch (event.type) {
      case 'presence':
        this.heardPresence(event);
        return;
      case 'resync':
        this.resync().catch(this.deps.onError);
        return;
      case 'state':
        // States may arrive out of order across nodes; the sequence number decides.
        if (event.state.seq < this.state.seq) return;
        this.state = event.state;
        this.results.slideShown(this.state.slide, this.state.round);
        // The slide may be new, edited to draw on other questions, or split another way.
        this.derived.changed();
        this.segments.changed();
        // Voting, rounds and reveals are kept per slide in the deck phones at their own pace have.
        this.deck.changed();
        this.scheduleCountdownEnd();
        this.broadcast(this.everyone(), { type: 'state', state: this.currentState() });
        if (this.state.pace === 'audience') this.sendDeck();
        else this.deckSent = '';
        if (this.state.slide) this.scheduleResults(this.state.slide.id);
        this.tellScores();
        return;
      case 'deck-changed':
        this.deck.changed();
        if (this.state.pace === 'audience') this.sendDeck();
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
        if (this.state.pace === 'audience') this.scheduleView(event.slideId);
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
    if (!slide || this.state.pace !== 'presenter' || !showsScores(slide, votingOpen) || !connection.participantId) return;
    const scores = await this.scores.current(slide.id);
    if (scores) connection.send({ type: 'score', score: scores.byPlayer.get(connection.participantId) ?? scores.nobody });
  }

  /** Whether every phone sees this slide's results: the presenter's slide, of a kind that shows them there, once the presenter let them show. */
  showsResultsOnPhones(slideId: string): boolean {
    const slide = this.state.slide;
    return this.state.pace === 'presenter' && slide?.id === slideId && this.state.resultsShown && showsResultsOnPhones(slide);
  }

  /** The deck as phones moving at their own pace get it: each slide without what would give an answer away. */
  async phoneDeck(): Promise<PacedSlide[]> {
    return (await this.readDeck()).map((entry) => ({ ...entry, slide: forPhones(entry.slide) }));
  }

  /** Whether the session's deck has this slide, as last read. */
  async hasSlide(slideId: string): Promise<boolean> {
    return (await this.readDeck()).some((entry) => entry.slide.id === slideId);
  }

  /** A phone at its own pace is on this slide: it gets the slide's results now, where phones see them, and as they change. */
  async view(connection: Connection, slideId: string): Promise<void> {
    this.stopViewing(connection);
    connection.viewing = slideId;
    const viewers = this.viewers.get(slideId) ?? new Set();
    viewers.add(connection);
    this.viewers.set(slideId, viewers);
    if (this.state.pace !== 'audience') return;
    const results = await this.viewedResults(slideId);
    if (results && connection.viewing === slideId) connection.send(this.resultsMessage(results, true));
  }

  /** A phone away from the room follows the big screen's results of every kind, or stops; following, it gets the current ones now. */
  async follow(connection: Connection, on: boolean): Promise<void> {
    if (!on) {
      this.followers.delete(connection);
      return;
    }
    this.followers.add(connection);
    const slideId = this.state.slide?.id;
    if (slideId === undefined || !this.followersSee(slideId) || this.showsResultsOnPhones(slideId)) return;
    const results = await this.resultsOf(slideId);
    if (results) connection.send(this.resultsMessage(results, true));
  }

  /** Tells the other nodes this node's participants; asking, they answer with theirs. Also forgets nodes gone quiet. */
  announcePresence(ask = false): void {
    this.presenceSeq += 1;
    this.deps.announce({ type: 'presence', node: this.deps.node, seq: this.presenceSeq, participants: this.participants.size, ask });
    const now = Date.now();
    let forgot = false;
    for (const [node, heard] of this.elsewhere) {
      if (now - heard.heardAt <= PRESENCE_EXPIRES_MS) continue;
      this.elsewhere.delete(node);
      forgot = true;
    }
    if (forgot) this.tellPresence();
  }

  dispose(): void {
    clearTimeout(this.countdownTimer);
    this.viewers.clear();
    this.viewedCounts.clear();
    this.followers.clear();
    this.hostResults.clear();
    this.hostDerived.clear();
    this.hostSegments.clear();
    this.audienceResults.clear();
    this.presence.clear();
  }

  /** Tells every phone its own score once per change into a slide that shows scores: a quiz question closing, a leaderboard. */
  private tellScores(): void {
    const { slide, votingOpen } = this.state;
    const key = slide && this.state.pace === 'presenter' && showsScores(slide, votingOpen) ? `${slide.id} ${this.state.round}` : '';
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

  /** The deck read from the store once per change, with its slides kept by id. */
  private async readDeck(): Promise<PacedDeckSlide[]> {
    // Read again once the session's end has passed, which closes every question without a state to say so.
    const deck = await this.deck.current(this.deps.hasClosed(this.state.openUntil) ? 'closed' : 'open');
    this.deckSlides = new Map(deck.map((entry) => [entry.slide.id, entry]));
    return deck;
  }

  /** Sends phones at their own pace the deck when it changed, and the results they view again, which a reveal may change. */
  private sendDeck(): void {
    const read = (this.deckReads += 1);
    this.phoneDeck()
      .then((slides) => {
        if (read !== this.deckReads || this.state.pace !== 'audience') return;
        // Edits and new rounds of slides the presenter is not on reach the tallies too.
        for (const { slide, round } of this.deckSlides.values()) this.results.slideShown(slide, round);
        const data = JSON.stringify({ type: 'deck', slides } satisfies ServerMessage);
        if (data === this.deckSent) return;
        this.deckSent = data;
        this.broadcastRaw(this.audience, data);
        for (const slideId of this.viewers.keys()) this.scheduleView(slideId);
      })
      .catch(this.deps.onError);
  }

  private stopViewing(connection: Connection): void {
    if (connection.viewing === undefined) return;
    const viewers = this.viewers.get(connection.viewing);
    viewers?.delete(connection);
    if (viewers?.size === 0) this.viewers.delete(connection.viewing);
    connection.viewing = undefined;
  }

  /**
   * The results of a slide viewed at the audience's own pace, where its phones may see them: a kind that shows results
   * on phones, once revealed when it waits for that; undefined otherwise.
   */
  private async viewedResults(slideId: string): Promise<Results | undefined> {
    await this.readDeck();
    const entry = this.deckSlides.get(slideId);
    if (!entry || !entry.resultsShown || !showsResultsOnPhones(entry.slide)) return undefined;
    if (isQuestionSlide(entry.slide)) return this.results.results(slideId);
    let counted = this.viewedCounts.get(slideId);
    if (!counted) {
      counted = this.deps.derivedResults(this.sessionId, slideId);
      this.viewedCounts.set(slideId, counted);
      // A failed count is not kept: the next view tries again.
      const failed = counted;
      failed.catch(() => {
        if (this.viewedCounts.get(slideId) === failed) this.viewedCounts.delete(slideId);
      });
    }
    return counted;
  }

  /** Results changed for phones viewing a slide at their own pace: sent to them, at most once a second. */
  private scheduleView(slideId: string): void {
    if (!this.viewers.has(slideId)) return;
    this.audienceResults.request(`view ${slideId}`, () => {
      this.viewedResults(slideId)
        .then((results) => {
          const viewers = this.viewers.get(slideId);
          if (results && viewers) this.broadcast(viewers, this.resultsMessage(results, true));
        })
        .catch(this.deps.onError);
    });
  }

  /** Whether phones following from afar see the presenter's slide's results now, as the big screen does. */
  private followersSee(slideId: string): boolean {
    const { slide, pace, votingOpen, resultsShown } = this.state;
    return pace === 'presenter' && slide?.id === slideId && followerSees(slide, votingOpen, resultsShown);
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
    if (this.state.pace === 'audience') {
      for (const viewed of this.viewers.keys()) {
        const entry = this.deckSlides.get(viewed);
        if (viewed === slideId || (entry && slideSources(entry.slide).includes(slideId))) this.scheduleView(viewed);
      }
    }
    if (derivedId !== undefined && shown && (slideId === derivedId || slideSources(shown).includes(slideId))) {
      this.derived.changed();
      this.hostDerived.request(derivedId, () => this.deliverResults(derivedId, this.hosts, false));
      if (this.showsResultsOnPhones(derivedId)) {
        this.audienceResults.request(derivedId, () => this.deliverResults(derivedId, this.audience, true));
      }
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
    } else if (this.followers.size > 0 && this.followersSee(slideId)) {
      this.audienceResults.request(`follow ${slideId}`, () => this.deliverResults(slideId, this.followers, true));
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

  /** This node's participants changed: the other nodes and this node's hosts are told, at most every PRESENCE_MS. */
  private schedulePresence(): void {
    this.presence.request('presence', () => {
      this.announcePresence();
      this.tellPresence();
    });
  }

  private heardPresence(event: PresenceEvent): void {
    if (event.node === this.deps.node) return;
    const known = this.elsewhere.get(event.node);
    if (known && known.seq >= event.seq) return;
    if (event.participants === 0) this.elsewhere.delete(event.node);
    else this.elsewhere.set(event.node, { participants: event.participants, seq: event.seq, heardAt: Date.now() });
    // The same task as a change here, so an answer to an ask never swallows the hosts' news of a local change.
    if (event.ask) this.schedulePresence();
    if (known?.participants !== event.participants) this.presence.request('told', () => this.tellPresence());
  }

  private tellPresence(): void {
    const participants = this.participantCount;
    if (participants === this.presenceTold) return;
    this.presenceTold = participants;
    this.broadcast(this.hosts, { type: 'presence', participants });
  }

  /**
   * Events may have been lost on the way between nodes: the state is read again (a newer one is handled as if it had
   * arrived), every tally counted again, and screens sent what changed.
   */
  private async resync(): Promise<void> {
    const state = await this.deps.state(this.sessionId);
    if (state.seq > this.state.seq) {
      this.results.recountAll();
      this.handle({ type: 'state', state });
      return;
    }
    const slideId = this.state.slide?.id;
    const before = slideId === undefined ? undefined : JSON.stringify(await this.resultsOf(slideId));
    this.results.recountAll();
    this.derived.changed();
    this.segments.changed();
    this.deck.changed();
    if (this.state.pace === 'audience') {
      this.sendDeck();
      for (const viewed of this.viewers.keys()) this.scheduleView(viewed);
    }
    const anytime = this.state.askAnytime?.id;
    if (anytime !== undefined && anytime !== slideId) this.scheduleAnytimeQa(anytime);
    if (slideId === undefined) return;
    const after = JSON.stringify(await this.resultsOf(slideId));
    // While the bus is down this runs every few seconds; unchanged results are not sent to every phone again.
    if (after !== before) this.scheduleResults(slideId);
  }

  private everyone(): Iterable<Connection> {
    return [...this.hosts, ...this.audience];
  }

  private broadcast(to: Iterable<Connection>, message: ServerMessage): void {
    this.broadcastRaw(to, JSON.stringify(message));
  }

  private broadcastRaw(to: Iterable<Connection>, json: string): void {
    // Encoded once: a broadcast to 10,000 phones serialises and converts to bytes once, not per socket.
    const data = Buffer.from(json);
    for (const connection of to) connection.sendRaw(data);
  }
}
