import {
  CLOSE_CODES,
  ERROR_CODES,
  LIVE_PATH,
  PROTOCOL_VERSION,
  type AckMessage,
  type Answer,
  type AskedMessage,
  type ClientMessage,
  type ErrorCode,
  type ErrorMessage,
  type OwnQuestions,
  type PacedSlide,
  type QaAction,
  type Reaction,
  type ReactionCounts,
  type ReactionsMessage,
  type Score,
  type NicknameMessage,
  type Results,
  type Segment,
  type ServerMessage,
  type SessionState,
  type UpvotedMessage,
  type WelcomeMessage,
} from '@ettor/protocol';
import { newClientId } from './client-id';
import { type MessageParser, parseServerMessage } from './parse-message';
import { loadParticipantToken, saveParticipantToken } from './participant-token';

export type HostCommand = Extract<
  ClientMessage,
  {
    type:
      | 'goto'
      | 'set-voting'
      | 'countdown'
      | 'reset-results'
      | 'hide-answer'
      | 'hide-word'
      | 'merge-word'
      | 'split-word'
      | 'moderate-question'
      | 'moderate-nickname'
      | 'set-reactions'
      | 'set-approve-first'
      | 'set-split'
      | 'set-screen'
      | 'reveal-results'
      | 'set-pace';
  }
>;

/** A question's results per group of the split question `splitBy`, as the server last counted them. */
export interface SplitResults {
  splitBy: string;
  segments: Segment[];
}

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'ended' | 'refused' | 'outdated';
export type LiveRole = { role: 'audience'; code: string } | { role: 'host'; sessionId: string };

export interface LiveEvents {
  welcome?(message: WelcomeMessage): void;
  ack?(message: AckMessage): void;
  asked?(message: AskedMessage): void;
  upvoted?(message: UpvotedMessage): void;
  nickname?(message: NicknameMessage): void;
  error?(message: ErrorMessage): void;
}

/** What a phone sends that the server confirms by its clientId: resent with the same one until confirmed or refused. */
type Confirmed = Extract<ClientMessage, { type: 'answer' | 'ask' | 'upvote' | 'set-nickname' }>;

const PING_EVERY_MS = 20_000;
const DEAD_AFTER_MS = 45_000;
/** A socket that spoke this recently is trusted when the page wakes; an older one is replaced. */
const FRESH_MS = 5_000;
/** The most presenter commands kept while the socket is away. */
const MAX_UNSENT_COMMANDS = 20;
const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 10_000;
/** A message the database could not take (`unavailable`) is sent again after 1 s, doubling to 8 s, until confirmed. */
const FIRST_RESEND_MS = 1000;
const MAX_RESEND_MS = 8000;

/**
 * One live connection to a session, for a phone or a host. Reconnects with jittered back-off,
 * keeps the participant identity and resends unacknowledged answers with their original clientId.
 */
export class LiveClient {
  status = $state<LiveStatus>('connecting');
  session = $state.raw<SessionState | null>(null);
  participants = $state(0);
  /** When a countdown closes voting on the current slide, on this device's clock; null without one. */
  closesAt = $state<number | null>(null);
  /** What a paused countdown of the current slide has left, in milliseconds; null unless paused. */
  pausedLeftMs = $state<number | null>(null);
  /** Whether the current slide is a timed question whose countdown has not begun, so it takes no answers yet. */
  awaitingStart = $state(false);
  results = $state.raw<Record<string, Results>>({});
  /** How many have answered a question whose results the server withholds under k, by slide id; a slide is in this or in results, never both. */
  withheld = $state.raw<Record<string, number>>({});
  /** Hosts only, while results are split: the latest per slide. */
  segments = $state.raw<Record<string, SplitResults>>({});
  /** Audience only: this participant's questions (with their status) and upvotes in the session's Q&As. */
  questions = $state.raw<OwnQuestions>({ asked: [], upvoted: [] });
  /** Audience only: the nickname this participant plays quizzes under; null before one is chosen. */
  nickname = $state<string | null>(null);
  /** Audience only: this participant's quiz score and place, as the server last told; null before any quiz closed. */
  score = $state.raw<Score | null>(null);
  /** Audience only, while the session runs at the audience's pace: every slide, to move through on this phone; null otherwise. */
  deck = $state.raw<PacedSlide[] | null>(null);
  /** Hosts only: each slide's reaction totals, as of the latest flush that reached this page. */
  reactionTotals = $state.raw<Record<string, ReactionCounts>>({});
  /** Hosts only: the latest reactions to float on the big screen; a new object for every flush. */
  latestReactions = $state.raw<ReactionsMessage | null>(null);
  /** Why the server refused the socket, from the close reason, when it said so. */
  refusal = $state<ErrorCode | null>(null);

  #role: LiveRole;
  #parse: MessageParser;
  #events: LiveEvents;
  #socket: WebSocket | null = null;
  // Unconfirmed messages are bookkeeping the page never renders, so a plain map is right.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #pending = new Map<string, Confirmed>();
  /** Messages the server could not store yet, by clientId: how often that happened, and the timer that sends it again. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #resends = new Map<string, { tries: number; timer: ReturnType<typeof setTimeout> }>();
  /** The slide this phone is on at its own pace, told again after every reconnect. */
  #viewing: string | null = null;
  /** Whether this phone follows the big screen's results from afar, told again after every reconnect. */
  #following = false;
  /** A presenter's commands given while the socket was away, sent once it is back; only the last `goto` counts. */
  #unsent: HostCommand[] = [];
  #attempt = 0;
  #highestSeq = -1;
  #lastMessageAt = 0;
  #stopped = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #pingTimer: ReturnType<typeof setInterval> | undefined;
  #deadTimer: ReturnType<typeof setTimeout> | undefined;

  /** `parse` turns a frame into a message or null; the presenter passes a zod check, the phone the light one. */
  constructor(role: LiveRole, events: LiveEvents = {}, parse: MessageParser = parseServerMessage) {
    this.#role = role;
    this.#events = events;
    this.#parse = parse;
  }

  start(): void {
    window.addEventListener('online', this.#revive);
    document.addEventListener('resume', this.#revive);
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    window.removeEventListener('online', this.#revive);
    document.removeEventListener('resume', this.#revive);
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clearTimers();
    for (const { timer } of this.#resends.values()) clearTimeout(timer);
    this.#socket?.close(1000);
    this.#socket = null;
  }

  /** Sends an answer (now, or after reconnecting) and returns the clientId its ack or error will carry. */
  sendAnswer(slideId: string, answer: Answer): string {
    return this.#sendConfirmed({ type: 'answer', clientId: newClientId(), slideId, answer });
  }

  /** Asks a Q&A slide a question; returns the clientId its confirmation (`asked`) or error will carry. */
  ask(slideId: string, text: string, name?: string): string {
    return this.#sendConfirmed({ type: 'ask', clientId: newClientId(), slideId, text, ...(name ? { name } : {}) });
  }

  /** Upvotes a question, or takes the vote back; returns the clientId its confirmation (`upvoted`) or error will carry. */
  upvote(questionId: string, up: boolean): string {
    return this.#sendConfirmed({ type: 'upvote', clientId: newClientId(), questionId, up });
  }

  /** Sends a reaction to whatever is on screen; one lost while offline is not worth sending later. */
  react(reaction: Reaction): void {
    if (this.status === 'open') this.#send({ type: 'react', reaction });
  }

  /** Chooses the nickname to play quizzes under; returns the clientId its confirmation or refusal carries. */
  setNickname(nickname: string): string {
    return this.#sendConfirmed({ type: 'set-nickname', clientId: newClientId(), nickname });
  }

  /** Tells the server which slide this phone is on at its own pace, so it is sent that slide's results. */
  view(slideId: string): void {
    if (slideId === this.#viewing) return;
    this.#viewing = slideId;
    this.#send({ type: 'view', slideId });
  }

  /** Follows the big screen's results of every kind from afar, or stops. */
  follow(on: boolean): void {
    if (on === this.#following) return;
    this.#following = on;
    this.#send({ type: 'follow', on });
  }

  /** A presenter's moderation of one Q&A question. */
  moderateQuestion(questionId: string, action: QaAction): void {
    this.command({ type: 'moderate-question', questionId, action });
  }

  #sendConfirmed(message: Confirmed): string {
    this.#pending.set(message.clientId, message);
    if (this.status === 'open') this.#send(message);
    return message.clientId;
  }

  /** A presenter's command: move, open or close voting, steer a countdown, clear results, hide an answer or a word, split the results. */
  command(message: HostCommand): void {
    if (this.status === 'open') return this.#send(message);
    // A click during a reconnect is kept, not lost; a bounded list, since a presenter clicks, not a script.
    if (message.type === 'goto') this.#unsent = this.#unsent.filter((unsent) => unsent.type !== 'goto');
    this.#unsent = [...this.#unsent, message].slice(-MAX_UNSENT_COMMANDS);
  }

  #connect(): void {
    if (this.#stopped) return;
    this.#clearTimers();
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${location.host}${LIVE_PATH}`);
    this.#socket = socket;
    socket.onopen = () => {
      this.#send(this.#hello());
      this.#pingTimer = setInterval(() => this.#send({ type: 'ping', t: Date.now() }), PING_EVERY_MS);
      this.#expectLife();
    };
    socket.onmessage = (event) => {
      this.#expectLife();
      const message = typeof event.data === 'string' ? this.#parse(event.data) : null;
      if (message) this.#handle(message);
    };
    socket.onclose = (event) => {
      if (this.#socket !== socket) return;
      this.#socket = null;
      this.#onClosed(event.code, event.reason);
    };
  }

  #hello(): ClientMessage {
    if (this.#role.role === 'host') return { type: 'host', v: PROTOCOL_VERSION, sessionId: this.#role.sessionId };
    const participantToken = loadParticipantToken(this.#role.code);
    return { type: 'join', v: PROTOCOL_VERSION, code: this.#role.code, ...(participantToken ? { participantToken } : {}) };
  }

  #handle(message: ServerMessage): void {
    switch (message.type) {
      case 'welcome':
        this.#attempt = 0;
        // The seq holds across reconnects to one session (a node that is behind may welcome with an older
        // state); only a code that now names another session starts it over.
        if (message.state.sessionId !== this.session?.sessionId) this.#highestSeq = -1;
        if (this.#role.role === 'audience' && message.participantToken) {
          saveParticipantToken(this.#role.code, message.participantToken);
        }
        this.status = 'open';
        this.#applyState(message.state);
        this.questions = message.questions;
        this.nickname = message.nickname;
        this.deck = message.deck ?? null;
        this.#events.welcome?.(message);
        // A new socket is a new connection to the server, which knows nothing of this phone's place or wishes.
        if (this.#viewing !== null) this.#send({ type: 'view', slideId: this.#viewing });
        if (this.#following) this.#send({ type: 'follow', on: true });
        // Everything unconfirmed goes now; a wait for the database is cut short, as the reconnect may mean it is back.
        for (const resend of this.#resends.values()) clearTimeout(resend.timer);
        for (const pending of this.#pending.values()) this.#send(pending);
        for (const unsent of this.#unsent) this.#send(unsent);
        this.#unsent = [];
        return;
      case 'state':
        this.#applyState(message.state);
        return;
      case 'deck':
        this.deck = message.slides;
        return;
      case 'results': {
        const { slideId } = message.results;
        this.results = { ...this.results, [slideId]: message.results };
        if (slideId in this.withheld) this.withheld = without(this.withheld, slideId);
        return;
      }
      case 'withheld':
        this.withheld = { ...this.withheld, [message.slideId]: message.respondents };
        if (message.slideId in this.results) this.results = without(this.results, message.slideId);
        return;
      case 'segments':
        this.segments = { ...this.segments, [message.slideId]: { splitBy: message.splitBy, segments: message.segments } };
        return;
      case 'presence':
        this.participants = message.participants;
        return;
      case 'nickname':
        this.#confirmed(message.clientId);
        this.nickname = message.nickname;
        this.#events.nickname?.(message);
        return;
      case 'score':
        this.score = message.score;
        return;
      case 'reactions':
        // Nodes flush on their own, so an older total can arrive after a newer one: totals only grow.
        this.reactionTotals = { ...this.reactionTotals, [message.slideId]: largest(this.reactionTotals[message.slideId], message.totals) };
        this.latestReactions = message;
        return;
      case 'ack':
        this.#confirmed(message.clientId);
        this.#events.ack?.(message);
        return;
      case 'asked': {
        this.#confirmed(message.clientId);
        const others = this.questions.asked.filter((question) => question.id !== message.question.id);
        this.questions = { ...this.questions, asked: [...others, message.question] };
        this.#events.asked?.(message);
        return;
      }
      case 'upvoted': {
        this.#confirmed(message.clientId);
        const others = this.questions.upvoted.filter((id) => id !== message.questionId);
        this.questions = { ...this.questions, upvoted: message.up ? [...others, message.questionId] : others };
        this.#events.upvoted?.(message);
        return;
      }
      case 'error':
        // Nothing was stored and the same message may come again: it stays pending, and the page shows it as being sent.
        if (message.code === 'unavailable' && message.clientId && this.#pending.has(message.clientId)) {
          return this.#resendLater(message.clientId);
        }
        if (message.clientId) this.#confirmed(message.clientId);
        this.#events.error?.(message);
        return;
      case 'pong':
        return;
    }
  }

  /** The server has answered a message for good, with its confirmation or a refusal. */
  #confirmed(clientId: string): void {
    this.#pending.delete(clientId);
    clearTimeout(this.#resends.get(clientId)?.timer);
    this.#resends.delete(clientId);
  }

  /** Sends a message again once the database may be back: jittered back-off, or at once with the next welcome. */
  #resendLater(clientId: string): void {
    const tries = this.#resends.get(clientId)?.tries ?? 0;
    clearTimeout(this.#resends.get(clientId)?.timer);
    const delay = Math.min(MAX_RESEND_MS, FIRST_RESEND_MS * 2 ** tries) * (0.5 + Math.random());
    const timer = setTimeout(() => {
      const message = this.#pending.get(clientId);
      if (message && this.status === 'open') this.#send(message);
    }, delay);
    this.#resends.set(clientId, { tries: tries + 1, timer });
  }

  #applyState(state: SessionState): void {
    // States can overtake each other across reconnects; the highest seq is the truth.
    if (state.seq < this.#highestSeq) return;
    this.#highestSeq = state.seq;
    // Groups counted for another split, or before a slide was left, would show stale figures until the next count.
    if (!sameSplit(state, this.session)) this.segments = {};
    this.session = state;
    // Back at the presenter's pace, phones follow the presenter's slide again.
    if (state.pace === 'presenter') this.deck = null;
    this.participants = state.participants;
    this.closesAt = state.closesInMs === null ? null : Date.now() + state.closesInMs;
    this.pausedLeftMs = state.pausedLeftMs;
    this.awaitingStart = state.awaitingStart;
    if (state.status === 'ended') this.#finish('ended');
  }

  #onClosed(code: number, reason = ''): void {
    this.#clearTimers();
    if (this.#stopped) return;
    if (code === CLOSE_CODES.sessionEnded) return this.#finish('ended');
    if (code === CLOSE_CODES.refused) {
      this.refusal = (ERROR_CODES as readonly string[]).includes(reason) ? (reason as ErrorCode) : null;
      return this.#finish('refused');
    }
    if (code === CLOSE_CODES.protocolMismatch) return this.#finish('outdated');
    this.status = 'reconnecting';
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** this.#attempt) * (0.5 + Math.random());
    this.#attempt += 1;
    this.#retryTimer = setTimeout(() => this.#connect(), delay);
  }

  #finish(status: 'ended' | 'refused' | 'outdated'): void {
    this.status = status;
    this.stop();
  }

  /**
   * Waking from sleep, coming online or back into view: a socket that has been quiet may be dead without
   * the browser knowing, so it is replaced at once rather than trusted until the next heartbeat fails.
   */
  #revive = (): void => {
    if (this.#stopped) return;
    if (this.#socket && Date.now() - this.#lastMessageAt < FRESH_MS) {
      this.#send({ type: 'ping', t: Date.now() });
      return;
    }
    this.#attempt = 0;
    this.#drop();
    clearTimeout(this.#retryTimer);
    this.#connect();
  };

  #onVisibility = (): void => {
    if (document.visibilityState === 'visible') this.#revive();
  };

  /** A connection that has been silent too long is dead even if the browser has not noticed. */
  #expectLife(): void {
    this.#lastMessageAt = Date.now();
    clearTimeout(this.#deadTimer);
    this.#deadTimer = setTimeout(() => this.#drop(), DEAD_AFTER_MS);
  }

  /** Gives up on the current socket without waiting for a close handshake that may never come. */
  #drop(): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#socket = null;
    socket.close();
    this.#onClosed(1006);
  }

  #send(message: ClientMessage): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  #clearTimers(): void {
    clearTimeout(this.#retryTimer);
    clearInterval(this.#pingTimer);
    clearTimeout(this.#deadTimer);
  }
}

function largest(known: ReactionCounts | undefined, told: ReactionCounts): ReactionCounts {
  const counts: ReactionCounts = { ...known };
  for (const [reaction, count] of Object.entries(told) as [Reaction, number][]) counts[reaction] = Math.max(counts[reaction] ?? 0, count);
  return counts;
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const rest = { ...record };
  delete rest[key];
  return rest;
}

function sameSplit(next: SessionState, previous: SessionState | null): boolean {
  return next.split?.slideId === previous?.split?.slideId && next.slide?.id === previous?.slide?.id;
}
