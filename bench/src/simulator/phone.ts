import { CLOSE_CODES, PROTOCOL_VERSION, type Answer, type ClientMessage } from '@ettor/protocol';
import { now } from '../clock.js';
import { type Link, openLink } from '../transport.js';
import type { TransportKind } from '../types.js';

// The phone page's own timings (web/src/live/live-client.svelte.ts), so the server sees real phones.
const PING_EVERY_MS = 20_000;
const DEAD_AFTER_MS = 45_000;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
/** After rate_limited or internal the protocol says: resend later with the same clientId. */
const RESEND_AFTER_MS = 1_000;

export interface PendingAnswer {
  clientId: string;
  slideId: string;
  answer: Answer;
  sentAt: number;
  /** Where the worker files the outcome: a round or a sustained step. */
  onDone: (ackedAt: number | undefined, errorCode: string | undefined) => void;
}

/** A question or an upvote in flight: confirmed by `asked` or `upvoted`, or refused, by its clientId. */
export interface PendingQa {
  message: Extract<ClientMessage, { type: 'ask' | 'upvote' }>;
  /** The Q&A slide it counts on. */
  slideId: string;
  /** Times sent: more than one after a double tap, a resend after reconnecting or after rate_limited. */
  sends: number;
  /**
   * Where the worker files the outcome. A confirmed upvote may carry the refusal that confirmed it (`already_voted`
   * to a resend); a confirmed question carries its id.
   */
  onDone: (confirmedAt: number | undefined, errorCode: string | undefined, questionId: string | undefined) => void;
}

/** A question a phone asked, as confirmed. */
export interface AskedQuestion {
  slideId: string;
  clientId: string;
}

/** What a phone holds as acknowledged on one slide. */
export interface Held {
  clientId: string;
  answer: Answer;
}

/** What the worker learns from its phones; one object for all of them keeps per-phone memory small. */
export interface PhoneHub {
  readonly transport: TransportKind;
  readonly url: string;
  readonly code: string;
  onWelcome(phone: Phone, at: number): void;
  onState(phone: Phone, seq: number, at: number): void;
  onJoinFailed(phone: Phone): void;
  onClose(phone: Phone, code: number): void;
  onError(code: string): void;
  onPong(): void;
  onResults(bytes: number): void;
  onPing(): void;
}

/** One simulated phone: joins by code, keeps its token, answers with clientIds, reconnects as the phone page does. */
export class Phone {
  token: string | undefined;
  joined = false;
  highestSeq = -1;
  connectStartedAt = 0;
  readonly held = new Map<string, Held>();
  /** The clientId of a phone's latest answer to a slide while it is in flight. */
  readonly inFlight = new Map<string, string>();
  readonly pending = new Map<string, PendingAnswer>();
  readonly pendingQa = new Map<string, PendingQa>();
  /** Confirmed questions by id, and the slide of each confirmed upvote by question id. */
  readonly asked = new Map<string, AskedQuestion>();
  readonly upvoted = new Map<string, string>();
  /** Heartbeat bookkeeping; the worker's one timer reads these instead of two timers per phone. */
  lastHeardAt = 0;
  nextPingAt = Number.POSITIVE_INFINITY;
  private link: Link | undefined;
  private attempt = 0;
  private stopped = false;
  private refused = false;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly index: number,
    private readonly hub: PhoneHub,
  ) {}

  get active(): boolean {
    return !this.stopped && !this.refused;
  }

  connect(): void {
    if (!this.active) return;
    this.clearTimers();
    this.joined = false;
    this.connectStartedAt = now();
    // The dead-server rule counts from the connection attempt, so a handshake that hangs is given up too.
    this.lastHeardAt = this.connectStartedAt;
    let welcomed = false;
    const link = openLink(
      this.hub.transport,
      this.hub.url,
      {},
      {
        open: () => {
          link.send({ type: 'join', v: PROTOCOL_VERSION, code: this.hub.code, ...(this.token ? { participantToken: this.token } : {}) });
          // Phones start pinging at random moments, not in lockstep.
          this.lastHeardAt = now();
          this.nextPingAt = this.lastHeardAt + Math.random() * PING_EVERY_MS;
        },
        message: (data) => {
          const at = now();
          this.lastHeardAt = at;
          if (this.handle(data, at) === 'welcome') welcomed = true;
        },
        results: (bytes) => {
          this.lastHeardAt = now();
          this.hub.onResults(bytes);
        },
        close: (code) => {
          if (this.link !== link) return;
          this.link = undefined;
          this.joined = false;
          this.clearTimers();
          if (!welcomed) this.hub.onJoinFailed(this);
          this.hub.onClose(this, code);
          this.onClosed(code);
        },
      },
    );
    this.link = link;
  }

  /** Sends an answer now, or after the next welcome if the phone is between connections. */
  answer(pending: PendingAnswer, twice = false): void {
    this.pending.set(pending.clientId, pending);
    this.inFlight.set(pending.slideId, pending.clientId);
    if (this.joined) {
      this.sendAnswer(pending);
      if (twice) this.sendAnswer(pending);
    }
  }

  /** Sends a question or an upvote now, or after the next welcome if the phone is between connections. */
  request(pending: PendingQa, twice = false): void {
    this.pendingQa.set(pending.message.clientId, pending);
    if (this.joined) {
      this.sendQa(pending);
      if (twice) this.sendQa(pending);
    }
  }

  /** Whether this phone asked the question, upvoted it, or is upvoting it now. */
  hasPart(questionId: string): boolean {
    if (this.asked.has(questionId) || this.upvoted.has(questionId)) return true;
    for (const { message } of this.pendingQa.values()) if (message.type === 'upvote' && message.questionId === questionId) return true;
    return false;
  }

  /** Loses the connection without a close frame, as a phone whose network drops. */
  drop(): void {
    this.link?.terminate();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.link?.close();
    this.link = undefined;
  }

  private sendAnswer(pending: PendingAnswer): void {
    this.link?.send({ type: 'answer', clientId: pending.clientId, slideId: pending.slideId, answer: pending.answer });
  }

  private sendQa(pending: PendingQa): void {
    pending.sends += 1;
    this.link?.send(pending.message);
  }

  /** The phone page's heartbeat, called about once a second: ping every 20 s, give up on a server silent for 45 s. */
  heartbeat(at: number): void {
    if (!this.link || !this.active) return;
    if (at - this.lastHeardAt > DEAD_AFTER_MS) {
      this.link.terminate();
      return;
    }
    if (at >= this.nextPingAt) {
      this.nextPingAt = at + PING_EVERY_MS;
      this.link.send({ type: 'ping', t: Date.now() });
      this.hub.onPing();
    }
  }

  /** Handles one frame; returns its type. States skip full parsing, as they are the bulk of what is left. */
  private handle(data: string | object, at: number): string | undefined {
    if (typeof data === 'string') {
      if (data.startsWith('{"type":"state"') && !data.includes('"status":"ended"')) {
        const seq = seqOf(data);
        if (seq !== undefined) {
          this.applySeq(seq, at);
          return 'state';
        }
      }
      try {
        return this.apply(JSON.parse(data) as Message, at);
      } catch {
        this.hub.onError('unparsable');
        return undefined;
      }
    }
    return this.apply(data as Message, at);
  }

  private apply(message: Message, at: number): string {
    switch (message.type) {
      case 'welcome': {
        this.token = message.participantToken ?? this.token;
        this.joined = true;
        this.attempt = 0;
        this.highestSeq = -1;
        this.applySeq(message.state.seq, at, true);
        this.hub.onWelcome(this, at);
        // The protocol's rule: every unacknowledged answer, question and upvote goes again with its original clientId.
        for (const pending of this.pending.values()) this.sendAnswer(pending);
        for (const pending of this.pendingQa.values()) this.sendQa(pending);
        break;
      }
      case 'state':
        this.applySeq(message.state.seq, at);
        break;
      case 'results':
        // Over socket.io the frame is decoded before the bench sees it; its size is not known.
        this.hub.onResults(0);
        break;
      case 'ack':
        this.settle(message.clientId, at, undefined);
        break;
      case 'asked':
        this.settleQa(message.clientId, at, undefined, message.question.id);
        break;
      case 'upvoted':
        this.settleQa(message.clientId, at, undefined, undefined);
        break;
      case 'error':
        this.hub.onError(message.code);
        if (!message.clientId) break;
        if (message.code === 'rate_limited' || message.code === 'internal') this.resendLater(message.clientId);
        else if (this.pendingQa.has(message.clientId)) this.settleQa(message.clientId, at, message.code, undefined);
        else this.settle(message.clientId, at, message.code);
        break;
      case 'pong':
        this.hub.onPong();
        break;
    }
    return message.type;
  }

  private applySeq(seq: number, at: number, fromWelcome = false): void {
    // Keep the highest seq; an older state is ignored, as the protocol says.
    if (seq <= this.highestSeq) return;
    this.highestSeq = seq;
    if (!fromWelcome) this.hub.onState(this, seq, at);
  }

  private settle(clientId: string, at: number, errorCode: string | undefined): void {
    const pending = this.pending.get(clientId);
    // A second ack for the same clientId (double tap, resend) changes nothing.
    if (!pending) return;
    this.pending.delete(clientId);
    if (this.inFlight.get(pending.slideId) === clientId) this.inFlight.delete(pending.slideId);
    if (errorCode === undefined) this.held.set(pending.slideId, { clientId, answer: pending.answer });
    pending.onDone(errorCode === undefined ? at : undefined, errorCode);
  }

  private resendLater(clientId: string): void {
    const answer = this.pending.get(clientId);
    const qa = this.pendingQa.get(clientId);
    setTimeout(() => {
      if (!this.joined) return;
      if (answer) this.sendAnswer(answer);
      if (qa) this.sendQa(qa);
    }, RESEND_AFTER_MS);
  }

  private settleQa(clientId: string, at: number, errorCode: string | undefined, questionId: string | undefined): void {
    const pending = this.pendingQa.get(clientId);
    if (!pending) return;
    this.pendingQa.delete(clientId);
    const { message, slideId } = pending;
    // A phone here never upvotes a question twice, so `already_voted` to a resend means its first send was stored.
    const confirmed = errorCode === undefined || (errorCode === 'already_voted' && message.type === 'upvote' && pending.sends > 1);
    if (confirmed && message.type === 'upvote') this.upvoted.set(message.questionId, slideId);
    if (confirmed && message.type === 'ask' && questionId !== undefined) this.asked.set(questionId, { slideId, clientId });
    pending.onDone(confirmed ? at : undefined, errorCode, questionId);
  }

  private onClosed(code: number): void {
    if (!this.active) return;
    if (code === CLOSE_CODES.sessionEnded || code === CLOSE_CODES.refused || code === CLOSE_CODES.protocolMismatch) {
      this.refused = true;
      return;
    }
    // The phone page's back-off: doubling from 0.5 s up to 10 s, jittered ±50 %; a join timeout retries at once.
    const delay = code === CLOSE_CODES.joinTimeout ? 0 : Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.attempt) * (0.5 + Math.random());
    this.attempt += 1;
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  private clearTimers(): void {
    clearTimeout(this.retryTimer);
    this.nextPingAt = Number.POSITIVE_INFINITY;
  }
}

/** The few server messages a phone reads; the simulator trusts the server's shapes and reads only these fields. */
type Message =
  | { type: 'welcome'; participantToken?: string; state: { seq: number } }
  | { type: 'state'; state: { seq: number } }
  | { type: 'results' }
  | { type: 'ack'; clientId: string }
  | { type: 'asked'; clientId: string; question: { id: string } }
  | { type: 'upvoted'; clientId: string }
  | { type: 'error'; code: string; clientId?: string }
  | { type: 'pong' };

/** The state's seq without parsing the whole slide: a JSON string cannot hold an unescaped `"seq":`. */
function seqOf(data: string): number | undefined {
  const at = data.indexOf('"seq":');
  if (at < 0) return undefined;
  const value = Number.parseInt(data.slice(at + 6, at + 24), 10);
  return Number.isFinite(value) ? value : undefined;
}
