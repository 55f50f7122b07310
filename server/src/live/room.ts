import { type ServerMessage, type SessionState, showsResultsOnPhones } from '@ettor/protocol';
import type { SessionEvent, SharedState } from '../bus/bus.js';
import { type LoadSlideAnswers, LiveResults } from '../responses/live-results.js';
import type { Connection } from './connection.js';
import { Throttle } from './throttle.js';

/**
 * How often the big screen may get new results per slide, and phones (there are many more of them). Tallies
 * are kept in memory, so the big screen can follow the room closely at little cost.
 */
const HOST_RESULTS_MS = 50;
const AUDIENCE_RESULTS_MS = 1000;
const PRESENCE_MS = 250;
/** Read the state just after a countdown's end, so the stored close time has certainly passed. */
const COUNTDOWN_GRACE_MS = 50;

export interface RoomDeps {
  slideAnswers: LoadSlideAnswers;
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
  private readonly audienceResults = new Throttle(AUDIENCE_RESULTS_MS);
  private readonly presence = new Throttle(PRESENCE_MS);
  private readonly results: LiveResults;
  private countdownTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly sessionId: string,
    private state: SharedState,
    private readonly deps: RoomDeps,
  ) {
    this.results = new LiveResults(sessionId, deps.slideAnswers);
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

  currentState(): SessionState {
    const { closesAt, ...shared } = this.state;
    const closesInMs = closesAt === null ? null : Math.max(0, Date.parse(closesAt) - Date.now());
    return { ...shared, closesInMs, participants: this.participantCount };
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
        this.scheduleCountdownEnd();
        this.broadcast(this.everyone(), { type: 'state', state: this.currentState() });
        if (this.state.slide) this.scheduleResults(this.state.slide.id);
        return;
      case 'answers-stored':
        this.results.stored(event.slideId, event.round, event.answers);
        this.scheduleResults(event.slideId);
        return;
      case 'answers-changed':
        this.results.recount(event.slideId);
        this.scheduleResults(event.slideId);
        return;
    }
  }

  /** Sends the current slide's results to one socket now, e.g. right after it joined. */
  async sendCurrentResults(connection: Connection): Promise<void> {
    const slideId = this.state.slide?.id;
    if (!slideId) return;
    const results = await this.results.results(slideId);
    if (results) connection.send({ type: 'results', results });
  }

  /** Whether phones see this slide's results. */
  showsResultsOnPhones(slideId: string): boolean {
    const slide = this.state.slide;
    return slide?.id === slideId && showsResultsOnPhones(slide);
  }

  dispose(): void {
    clearTimeout(this.countdownTimer);
    this.hostResults.clear();
    this.audienceResults.clear();
    this.presence.clear();
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

  private scheduleResults(slideId: string): void {
    this.hostResults.request(slideId, () => this.deliverResults(slideId, this.hosts));
    if (this.showsResultsOnPhones(slideId)) {
      this.audienceResults.request(slideId, () => this.deliverResults(slideId, this.audience));
    }
  }

  private deliverResults(slideId: string, to: Set<Connection>): void {
    if (to.size === 0) return;
    this.results
      .results(slideId)
      .then((results) => {
        if (results) this.broadcast(to, { type: 'results', results });
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
