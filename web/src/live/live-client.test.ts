import {
  CLOSE_CODES,
  PROTOCOL_VERSION,
  clientIdSchema,
  type Answer,
  type ClientMessage,
  type Results,
  type ServerMessage,
  type SessionState,
  type Slide,
} from '@ettor/protocol';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient, type LiveEvents, type LiveRole } from './live-client.svelte';

/**
 * Stands in for the browser's WebSocket. Nothing happens on its own: a test plays the server by
 * opening it, delivering frames and closing it, so every step is explicit and timing-free.
 */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static made: FakeSocket[] = [];

  readyState = FakeSocket.CONNECTING;
  /** Frames the client sent, parsed. */
  readonly sent: ClientMessage[] = [];
  /** Each close() by the client, with its code (undefined when none was given). */
  readonly closedByClient: (number | undefined)[] = [];
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.made.push(this);
  }

  send(data: string): void {
    // A browser throws on sending before open; the client must never try.
    if (this.readyState !== FakeSocket.OPEN) throw new Error('InvalidStateError: socket is not open');
    this.sent.push(JSON.parse(data) as ClientMessage);
  }

  close(code?: number): void {
    this.closedByClient.push(code);
    this.readyState = FakeSocket.CLOSING;
  }

  /** The server accepted the connection. */
  open(): void {
    this.readyState = FakeSocket.OPEN;
    this.onopen?.(new Event('open'));
  }

  /** The server sent a frame: a message, or raw data as it arrives on the wire. */
  receive(message: ServerMessage | string | ArrayBuffer): void {
    const data = typeof message === 'string' || message instanceof ArrayBuffer ? message : JSON.stringify(message);
    this.onmessage?.(new MessageEvent('message', { data }));
  }

  /** The connection ended from the server's side, or was lost (1006). */
  serverClose(code: number, reason = ''): void {
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.(new CloseEvent('close', { code, reason }));
  }

  sentOfType<T extends ClientMessage['type']>(type: T): Extract<ClientMessage, { type: T }>[] {
    return this.sent.filter((message): message is Extract<ClientMessage, { type: T }> => message.type === type);
  }
}

const CODE = '84061391';
const TOKEN = 'ncJAxDwE4YAuqVZTCObolVgFTANOi-53';
const OTHER_TOKEN = 'Zq1vYx0aBcDeFgHiJkLmNoPq-_42';
const CHOICE: Answer = { kind: 'choice', optionIds: ['staff'] };
const NO_QUESTIONS = { asked: [], upvoted: [] };

function state(overrides: Partial<SessionState> = {}): SessionState {
  return {
    sessionId: 'session-1',
    code: CODE,
    title: 'Town hall',
    status: 'live',
    seq: 1,
    slideIndex: 0,
    slideCount: 3,
    slide: null,
    votingOpen: true,
    round: 0,
    closesInMs: null,
    pausedLeftMs: null,
    awaitingStart: false,
    participants: 1,
    anonymityThreshold: 5,
    strictAnonymity: false,
    split: null,
    askAnytime: null,
    reactions: true,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: true,
    pace: 'presenter',
    openUntil: null,
    ...overrides,
  };
}

function welcome(overrides: Partial<SessionState> = {}, participantToken = TOKEN): ServerMessage {
  return {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'audience',
    participantToken,
    state: state(overrides),
    answers: {},
    questions: NO_QUESTIONS,
    nickname: null,
  };
}

function sockets(): FakeSocket[] {
  return FakeSocket.made;
}

function latest(): FakeSocket {
  const socket = FakeSocket.made.at(-1);
  if (!socket) throw new Error('no socket was opened');
  return socket;
}

const clients: LiveClient[] = [];

function startClient(role: LiveRole = { role: 'audience', code: CODE }, events: LiveEvents = {}): LiveClient {
  const client = new LiveClient(role, events);
  clients.push(client);
  client.start();
  return client;
}

/** A phone that has joined: its socket is open and the server has welcomed it. */
function joinedClient(events: LiveEvents = {}, overrides: Partial<SessionState> = {}): LiveClient {
  const client = startClient({ role: 'audience', code: CODE }, events);
  latest().open();
  latest().receive(welcome(overrides));
  return client;
}

/** Opens the newest socket and welcomes it, as the server does on a successful rejoin. */
function rejoin(overrides: Partial<SessionState> = {}, participantToken = TOKEN): FakeSocket {
  const socket = latest();
  socket.open();
  socket.receive(welcome(overrides, participantToken));
  return socket;
}

function setVisibility(visibility: DocumentVisibilityState): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
}

beforeEach(() => {
  FakeSocket.made = [];
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2025-05-01T09:00:00Z'));
  // No jitter: every back-off delay is exactly its base, 500 ms × 2^attempt up to 10 s.
  vi.spyOn(Math, 'random').mockReturnValue(0.5);
  localStorage.clear();
});

afterEach(() => {
  for (const client of clients.splice(0)) client.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  Reflect.deleteProperty(document, 'visibilityState');
  localStorage.clear();
});

describe('joining', () => {
  it('opens the live endpoint on this host and sends join with the protocol version once open', () => {
    const client = startClient();

    expect(sockets()).toHaveLength(1);
    expect(latest().url).toBe('ws://localhost:3000/live');
    expect(client.status).toBe('connecting');
    expect(latest().sent).toEqual([]);

    latest().open();
    expect(latest().sent).toEqual([{ type: 'join', v: PROTOCOL_VERSION, code: CODE }]);
    expect(client.status).toBe('connecting');
  });

  it('uses wss on an https page', () => {
    vi.stubGlobal('location', { protocol: 'https:', host: 'ettor.example.se' });
    startClient();
    expect(latest().url).toBe('wss://ettor.example.se/live');
  });

  it('sends the participant token stored for this join code', () => {
    localStorage.setItem(`ettor.participant.${CODE}`, TOKEN);
    localStorage.setItem('ettor.participant.11112222', OTHER_TOKEN);
    startClient();
    latest().open();
    expect(latest().sent).toEqual([{ type: 'join', v: PROTOCOL_VERSION, code: CODE, participantToken: TOKEN }]);
  });

  it('on welcome: stores the token, opens, applies the state and tells the page', () => {
    const onWelcome = vi.fn();
    const client = startClient({ role: 'audience', code: CODE }, { welcome: onWelcome });
    latest().open();
    const message = welcome({ seq: 4, participants: 12, slideIndex: 2 });
    latest().receive(message);

    expect(client.status).toBe('open');
    expect(localStorage.getItem(`ettor.participant.${CODE}`)).toBe(TOKEN);
    expect(client.session).toEqual(state({ seq: 4, participants: 12, slideIndex: 2 }));
    expect(client.participants).toBe(12);
    expect(client.closesAt).toBeNull();
    expect(onWelcome).toHaveBeenCalledExactlyOnceWith(message);
  });

  it('replaces the stored token with the one the next welcome brings', () => {
    localStorage.setItem(`ettor.participant.${CODE}`, OTHER_TOKEN);
    startClient();
    rejoin({}, TOKEN);
    expect(localStorage.getItem(`ettor.participant.${CODE}`)).toBe(TOKEN);
  });

  it('joins as host with the session id and leaves the participant tokens alone', () => {
    const client = startClient({ role: 'host', sessionId: 'session-1' });
    latest().open();
    expect(latest().sent).toEqual([{ type: 'host', v: PROTOCOL_VERSION, sessionId: 'session-1' }]);

    latest().receive({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'host',
      state: state(),
      answers: {},
      questions: NO_QUESTIONS,
      nickname: null,
    });
    expect(client.status).toBe('open');
    expect(localStorage.length).toBe(0);
  });

  const hostWelcome = {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'host',
    state: state(),
    answers: {},
    questions: NO_QUESTIONS,
    nickname: null,
  } as const;

  it('sends host commands on an open socket', () => {
    const client = startClient({ role: 'host', sessionId: 'session-1' });
    latest().open();
    latest().receive(hostWelcome);
    client.command({ type: 'goto', slideId: 'role' });
    client.command({ type: 'set-split', split: { slideId: 'role', show: { optionId: null } } });
    client.command({ type: 'set-split', split: null });
    expect(latest().sentOfType('goto')).toEqual([{ type: 'goto', slideId: 'role' }]);
    expect(latest().sentOfType('set-split')).toEqual([
      { type: 'set-split', split: { slideId: 'role', show: { optionId: null } } },
      { type: 'set-split', split: null },
    ]);
  });

  it('keeps a presenter’s commands given while reconnecting and sends them after the welcome, only the last goto', () => {
    const client = startClient({ role: 'host', sessionId: 'session-1' });
    latest().open();
    latest().receive(hostWelcome);
    latest().serverClose(1006);
    client.command({ type: 'goto', slideId: 'role' });
    client.command({ type: 'set-screen', black: true });
    client.command({ type: 'goto', slideId: 'mood' });
    vi.advanceTimersByTime(1_000);
    latest().open();
    // Nothing but the hello before the welcome: a pending socket would refuse a command.
    expect(latest().sent).toEqual([{ type: 'host', v: PROTOCOL_VERSION, sessionId: 'session-1' }]);
    latest().receive(hostWelcome);
    expect(latest().sent.slice(1)).toEqual([
      { type: 'set-screen', black: true },
      { type: 'goto', slideId: 'mood' },
    ]);
    expect(client.status).toBe('open');
  });

  it('ignores frames that are not JSON, have an unknown type or are binary', () => {
    const client = joinedClient();
    const before = client.session;
    latest().receive('{not json');
    latest().receive(JSON.stringify({ type: 'surprise', state: state({ seq: 9 }) }));
    latest().receive(new ArrayBuffer(8));
    expect(client.session).toBe(before);
    expect(client.status).toBe('open');
  });
});

describe('reconnecting', () => {
  it('after a lost connection, waits the back-off and rejoins with the same participant token', () => {
    const client = joinedClient();
    latest().serverClose(1006);

    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(sockets()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets()).toHaveLength(2);

    latest().open();
    expect(latest().sent).toEqual([{ type: 'join', v: PROTOCOL_VERSION, code: CODE, participantToken: TOKEN }]);
    expect(client.status).toBe('reconnecting');
    latest().receive(welcome({ seq: 2 }));
    expect(client.status).toBe('open');
  });

  it('reconnects after the server shuts down (1001) too', () => {
    const client = joinedClient();
    latest().serverClose(1001, 'server shutting down');
    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(sockets()).toHaveLength(2);
  });

  it('doubles the wait after each failed attempt, up to 10 s', () => {
    joinedClient();
    const waits: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const count = sockets().length;
      latest().serverClose(1006);
      let waited = 0;
      while (sockets().length === count) {
        vi.advanceTimersByTime(100);
        waited += 100;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('starts the back-off over after a successful welcome', () => {
    joinedClient();
    latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    latest().serverClose(1006);
    vi.advanceTimersByTime(1000);
    expect(sockets()).toHaveLength(3);

    rejoin();
    latest().serverClose(1006);
    vi.advanceTimersByTime(499);
    expect(sockets()).toHaveLength(3);
    vi.advanceTimersByTime(1);
    expect(sockets()).toHaveLength(4);
  });

  it('jitters the wait between half and one and a half times the base', () => {
    joinedClient();
    vi.mocked(Math.random).mockReturnValue(0);
    latest().serverClose(1006);
    vi.advanceTimersByTime(249);
    expect(sockets()).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets()).toHaveLength(2);

    vi.mocked(Math.random).mockReturnValue(0.999);
    latest().serverClose(1006);
    // Second attempt: base 1000 ms, so just under 1500 ms.
    vi.advanceTimersByTime(1498);
    expect(sockets()).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets()).toHaveLength(3);
  });

  it('ignores a late close event from a socket it has already replaced', () => {
    const client = joinedClient();
    const first = latest();
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new Event('online'));
    expect(sockets()).toHaveLength(2);
    rejoin();

    first.serverClose(1006);
    expect(client.status).toBe('open');
    // Longer than any back-off so far, shorter than the heartbeat's limit for the new socket.
    vi.advanceTimersByTime(10_000);
    expect(sockets()).toHaveLength(2);
  });

  it('stop() closes the socket normally and never reconnects', () => {
    const client = joinedClient();
    const socket = latest();
    client.stop();

    expect(socket.closedByClient).toEqual([1000]);
    socket.serverClose(1000);
    window.dispatchEvent(new Event('online'));
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(1);
  });
});

describe('answers', () => {
  it('sends an answer at once while open, with a fresh well-formed clientId each time', () => {
    const client = joinedClient();
    const first = client.sendAnswer('role', CHOICE);
    const second = client.sendAnswer('role', { kind: 'choice', optionIds: ['chief'] });

    expect(clientIdSchema.safeParse(first).success).toBe(true);
    expect(second).not.toBe(first);
    expect(latest().sentOfType('answer')).toEqual([
      { type: 'answer', clientId: first, slideId: 'role', answer: CHOICE },
      { type: 'answer', clientId: second, slideId: 'role', answer: { kind: 'choice', optionIds: ['chief'] } },
    ]);
  });

  it('queues an answer given while disconnected and sends it after the rejoin, once', () => {
    const client = joinedClient();
    latest().serverClose(1006);
    const clientId = client.sendAnswer('role', CHOICE);

    vi.advanceTimersByTime(500);
    const socket = latest();
    socket.open();
    // Not before the welcome: until then the server has not taken this phone back as its participant.
    expect(socket.sentOfType('answer')).toEqual([]);
    socket.receive(welcome({ seq: 2 }));
    expect(socket.sentOfType('answer')).toEqual([{ type: 'answer', clientId, slideId: 'role', answer: CHOICE }]);
  });

  it('holds an answer given before the very first welcome until it arrives', () => {
    const client = startClient();
    latest().open();
    const clientId = client.sendAnswer('role', CHOICE);
    expect(latest().sentOfType('answer')).toEqual([]);

    latest().receive(welcome());
    expect(latest().sentOfType('answer')).toEqual([{ type: 'answer', clientId, slideId: 'role', answer: CHOICE }]);
  });

  it('re-sends an unacknowledged answer with its original clientId after a reconnect', () => {
    const client = joinedClient();
    const clientId = client.sendAnswer('role', CHOICE);
    const first = latest();
    first.serverClose(1006);

    vi.advanceTimersByTime(500);
    const second = rejoin({ seq: 2 });
    expect(first.sentOfType('answer').map((m) => m.clientId)).toEqual([clientId]);
    expect(second.sentOfType('answer')).toEqual([{ type: 'answer', clientId, slideId: 'role', answer: CHOICE }]);

    // Still unacknowledged, so the next reconnect sends it yet again, still under the same id.
    second.serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(
      rejoin({ seq: 2 })
        .sentOfType('answer')
        .map((m) => m.clientId),
    ).toEqual([clientId]);
  });

  it('forgets an answer once it is acked, or refused with its clientId', () => {
    const onAck = vi.fn();
    const onError = vi.fn();
    const client = joinedClient({ ack: onAck, error: onError });
    const acked = client.sendAnswer('role', CHOICE);
    const refused = client.sendAnswer('words', { kind: 'wordcloud', entries: ['mod'] });
    const waiting = client.sendAnswer('open', { kind: 'open', text: 'Mer fika' });

    const ack: ServerMessage = { type: 'ack', clientId: acked, slideId: 'role', answer: CHOICE };
    const error: ServerMessage = { type: 'error', code: 'voting_closed', message: 'Voting has closed.', clientId: refused };
    latest().receive(ack);
    latest().receive(error);
    expect(onAck).toHaveBeenCalledExactlyOnceWith(ack);
    expect(onError).toHaveBeenCalledExactlyOnceWith(error);

    latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(
      rejoin()
        .sentOfType('answer')
        .map((m) => m.clientId),
    ).toEqual([waiting]);
  });

  it('keeps answers pending through an error that names no answer', () => {
    const onError = vi.fn();
    const client = joinedClient({ error: onError });
    const clientId = client.sendAnswer('role', CHOICE);
    latest().receive({ type: 'error', code: 'validation_failed', message: 'Bad frame.' });
    expect(onError).toHaveBeenCalledOnce();

    latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(
      rejoin()
        .sentOfType('answer')
        .map((m) => m.clientId),
    ).toEqual([clientId]);
  });
});

describe('when the database does not answer (unavailable)', () => {
  const unavailable = (clientId?: string): ServerMessage => ({
    type: 'error',
    code: 'unavailable',
    message: 'The database did not answer; nothing was stored. Try again in a moment.',
    ...(clientId ? { clientId } : {}),
  });

  /** How long the client waits before sending the answer again, in steps of 100 ms, up to a minute. */
  function waitForResend(socket: FakeSocket): number {
    const count = socket.sentOfType('answer').length;
    let waited = 0;
    while (socket.sentOfType('answer').length === count && waited < 60_000) {
      vi.advanceTimersByTime(100);
      waited += 100;
    }
    return waited;
  }

  it('keeps the answer pending without telling the page, and sends it again after 1 s, doubling to 8 s', () => {
    const onError = vi.fn();
    const client = joinedClient({ error: onError });
    const clientId = client.sendAnswer('role', CHOICE);
    const socket = latest();

    const waits: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      socket.receive(unavailable(clientId));
      waits.push(waitForResend(socket));
    }

    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(onError).not.toHaveBeenCalled();
    expect(new Set(socket.sentOfType('answer').map((m) => m.clientId))).toEqual(new Set([clientId]));
    expect(socket.sentOfType('answer')).toHaveLength(6);
  });

  it('jitters the wait between half and one and a half times the base', () => {
    const client = joinedClient();
    const clientId = client.sendAnswer('role', CHOICE);
    vi.mocked(Math.random).mockReturnValue(0);
    latest().receive(unavailable(clientId));
    expect(waitForResend(latest())).toBe(500);
  });

  it('stops sending once the answer is acked, and forgets it', () => {
    const onAck = vi.fn();
    const client = joinedClient({ ack: onAck });
    const clientId = client.sendAnswer('role', CHOICE);
    latest().receive(unavailable(clientId));
    vi.advanceTimersByTime(1000);
    const ack: ServerMessage = { type: 'ack', clientId, slideId: 'role', answer: CHOICE };
    latest().receive(ack);

    expect(onAck).toHaveBeenCalledExactlyOnceWith(ack);
    vi.advanceTimersByTime(30_000);
    expect(latest().sentOfType('answer')).toHaveLength(2);
    latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    expect(rejoin().sentOfType('answer')).toEqual([]);
  });

  it('hands a later refusal of the same answer to the page, and stops sending it', () => {
    const onError = vi.fn();
    const client = joinedClient({ error: onError });
    const clientId = client.sendAnswer('role', CHOICE);
    latest().receive(unavailable(clientId));
    vi.advanceTimersByTime(1000);
    const closed: ServerMessage = { type: 'error', code: 'voting_closed', message: 'Voting has closed.', clientId };
    latest().receive(closed);

    expect(onError).toHaveBeenCalledExactlyOnceWith(closed);
    vi.advanceTimersByTime(30_000);
    expect(latest().sentOfType('answer')).toHaveLength(2);
  });

  it('sends it at once after a reconnect, and the wait it was in sends nothing more', () => {
    const client = joinedClient();
    const clientId = client.sendAnswer('role', CHOICE);
    latest().receive(unavailable(clientId));
    latest().serverClose(1006);
    vi.advanceTimersByTime(500);

    const socket = rejoin({ seq: 2 });
    expect(socket.sentOfType('answer').map((m) => m.clientId)).toEqual([clientId]);
    vi.advanceTimersByTime(30_000);
    expect(socket.sentOfType('answer')).toHaveLength(1);
  });

  it('waits while the socket is away, and leaves the sending to the welcome', () => {
    const client = joinedClient();
    const clientId = client.sendAnswer('role', CHOICE);
    latest().receive(unavailable(clientId));
    latest().serverClose(1006);
    // The resend comes due while the next socket is open but not yet welcomed: it must not be sent before the join.
    vi.advanceTimersByTime(500);
    latest().open();
    vi.advanceTimersByTime(1000);
    expect(latest().sentOfType('answer')).toEqual([]);
    latest().receive(welcome({ seq: 2 }));
    expect(
      latest()
        .sentOfType('answer')
        .map((m) => m.clientId),
    ).toEqual([clientId]);
  });

  it('does the same for questions, upvotes and nicknames', () => {
    const client = joinedClient();
    const ids = [client.ask('qa', 'Hur länge?'), client.upvote('question-1', true), client.setNickname('Anna')];
    for (const id of ids) latest().receive(unavailable(id));
    vi.advanceTimersByTime(1000);
    const resent = latest()
      .sent.filter((m) => 'clientId' in m)
      .map((m) => ('clientId' in m ? m.clientId : ''));
    expect(resent).toEqual([...ids, ...ids]);
  });

  it('tells the page of an unavailable error that names no message', () => {
    const onError = vi.fn();
    joinedClient({ error: onError });
    latest().receive(unavailable());
    expect(onError).toHaveBeenCalledExactlyOnceWith(unavailable());
  });

  it('keeps trying to join when the server refused the join because the database did not answer', () => {
    const client = startClient();
    latest().open();
    latest().serverClose(1013, 'unavailable');

    expect(client.status).toBe('reconnecting');
    expect(client.refusal).toBeNull();
    vi.advanceTimersByTime(500);
    expect(sockets()).toHaveLength(2);
  });

  it('stop() cancels a pending resend', () => {
    const client = joinedClient();
    const clientId = client.sendAnswer('role', CHOICE);
    latest().receive(unavailable(clientId));
    client.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('close codes that end the connection for good', () => {
  it('4000: the session ended; no reconnect', () => {
    const client = joinedClient();
    latest().serverClose(CLOSE_CODES.sessionEnded, 'session ended');

    expect(client.status).toBe('ended');
    vi.advanceTimersByTime(60_000);
    window.dispatchEvent(new Event('online'));
    expect(sockets()).toHaveLength(1);
  });

  it('4001: refused, with the reason when it is a known error code', () => {
    const client = startClient();
    latest().open();
    latest().serverClose(CLOSE_CODES.refused, 'unknown_code');

    expect(client.status).toBe('refused');
    expect(client.refusal).toBe('unknown_code');
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(1);
  });

  it('4001: refused without a refusal code when the reason is not one', () => {
    const client = startClient();
    latest().open();
    latest().serverClose(CLOSE_CODES.refused, 'go away');
    expect(client.status).toBe('refused');
    expect(client.refusal).toBeNull();
  });

  it('4002: the protocol versions differ, so the page is outdated; no reconnect', () => {
    const client = startClient();
    latest().open();
    latest().serverClose(CLOSE_CODES.protocolMismatch, 'protocol mismatch');

    expect(client.status).toBe('outdated');
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(1);
  });

  it('a state saying the session ended finishes at once and closes the socket normally', () => {
    const client = joinedClient();
    latest().receive({ type: 'state', state: state({ seq: 2, status: 'ended' }) });

    expect(client.status).toBe('ended');
    expect(client.session?.status).toBe('ended');
    expect(latest().closedByClient).toEqual([1000]);
    latest().serverClose(CLOSE_CODES.sessionEnded);
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(1);
  });
});

describe('session state', () => {
  it('applies newer states and ignores older ones', () => {
    const client = joinedClient({}, { seq: 3 });
    latest().receive({ type: 'state', state: state({ seq: 5, slideIndex: 2 }) });
    latest().receive({ type: 'state', state: state({ seq: 4, slideIndex: 1, participants: 40 }) });

    expect(client.session?.seq).toBe(5);
    expect(client.session?.slideIndex).toBe(2);
    expect(client.participants).toBe(1);
  });

  it('applies a repeat of the current seq, e.g. with a new participant count', () => {
    const client = joinedClient({}, { seq: 3 });
    latest().receive({ type: 'state', state: state({ seq: 3, participants: 9 }) });
    expect(client.participants).toBe(9);
  });

  it('keeps the highest seq across a reconnect to the same session', () => {
    const client = joinedClient({}, { seq: 5, slideIndex: 2 });
    const clientId = client.sendAnswer('role', CHOICE);
    latest().serverClose(1006);
    vi.advanceTimersByTime(500);

    // A node that is behind welcomes the phone with an older state: the phone stays on the newer one,
    // yet the rejoin itself goes through.
    localStorage.clear();
    const socket = rejoin({ seq: 4, slideIndex: 1 });
    expect(client.status).toBe('open');
    expect(client.session?.seq).toBe(5);
    expect(client.session?.slideIndex).toBe(2);
    expect(localStorage.getItem(`ettor.participant.${CODE}`)).toBe(TOKEN);
    expect(socket.sentOfType('answer').map((m) => m.clientId)).toEqual([clientId]);

    socket.receive({ type: 'state', state: state({ seq: 4, slideIndex: 1 }) });
    expect(client.session?.seq).toBe(5);
    socket.receive({ type: 'state', state: state({ seq: 6, slideIndex: 3 }) });
    expect(client.session?.slideIndex).toBe(3);
  });

  it('starts the seq over when the code now belongs to another session', () => {
    const client = joinedClient({}, { seq: 9 });
    latest().serverClose(1006);
    vi.advanceTimersByTime(500);
    rejoin({ sessionId: 'session-2', seq: 1, slideIndex: 0 });
    expect(client.session?.sessionId).toBe('session-2');
    expect(client.session?.seq).toBe(1);

    latest().receive({ type: 'state', state: state({ sessionId: 'session-2', seq: 2, slideIndex: 1 }) });
    expect(client.session?.slideIndex).toBe(1);
  });

  it('turns a countdown into a deadline on this device’s clock', () => {
    const client = joinedClient();
    const now = Date.now();
    latest().receive({ type: 'state', state: state({ seq: 2, closesInMs: 30_000 }) });
    expect(client.closesAt).toBe(now + 30_000);

    latest().receive({ type: 'state', state: state({ seq: 3, closesInMs: null }) });
    expect(client.closesAt).toBeNull();
  });

  it('keeps what a paused countdown has left and whether the question waits for its countdown, state by state', () => {
    const client = joinedClient();
    expect(client.pausedLeftMs).toBeNull();
    expect(client.awaitingStart).toBe(false);
    latest().receive({ type: 'state', state: state({ seq: 2, votingOpen: false, awaitingStart: true }) });
    expect(client.awaitingStart).toBe(true);

    latest().receive({ type: 'state', state: state({ seq: 3, pausedLeftMs: 12_300 }) });
    expect(client.awaitingStart).toBe(false);
    expect(client.pausedLeftMs).toBe(12_300);
    expect(client.closesAt).toBeNull();

    latest().receive({ type: 'state', state: state({ seq: 4, closesInMs: 12_300 }) });
    expect(client.pausedLeftMs).toBeNull();
  });

  it('keeps the latest results per slide and follows presence', () => {
    const client = joinedClient();
    const role: Results = { kind: 'choice', slideId: 'role', respondents: 1, counts: [{ optionId: 'staff', count: 1 }] };
    const roleLater: Results = { kind: 'choice', slideId: 'role', respondents: 2, counts: [{ optionId: 'staff', count: 2 }] };
    const words: Results = { kind: 'wordcloud', slideId: 'words', respondents: 0, words: [] };
    latest().receive({ type: 'results', results: role });
    latest().receive({ type: 'results', results: words });
    latest().receive({ type: 'results', results: roleLater });
    latest().receive({ type: 'presence', participants: 31 });

    expect(client.results).toEqual({ role: roleLater, words });
    expect(client.participants).toBe(31);
  });

  it('keeps a slide either withheld, with how many have answered, or with its results: whichever came last', () => {
    const client = joinedClient();
    const few: Results = { kind: 'choice', slideId: 'role', respondents: 0, counts: [{ optionId: 'staff', count: 0 }] };
    const enough: Results = { kind: 'choice', slideId: 'role', respondents: 5, counts: [{ optionId: 'staff', count: 5 }] };
    const words: Results = { kind: 'wordcloud', slideId: 'words', respondents: 0, words: [] };
    latest().receive({ type: 'results', results: few });
    latest().receive({ type: 'results', results: words });
    latest().receive({ type: 'withheld', slideId: 'role', respondents: 2 });
    expect(client.withheld).toEqual({ role: 2 });
    expect(client.results).toEqual({ words });

    latest().receive({ type: 'withheld', slideId: 'role', respondents: 4 });
    expect(client.withheld).toEqual({ role: 4 });

    latest().receive({ type: 'results', results: enough });
    expect(client.withheld).toEqual({});
    expect(client.results).toEqual({ role: enough, words });
  });
});

describe('the audience’s own pace and following from afar', () => {
  const intro: Slide = {
    id: 'intro',
    kind: 'content',
    notes: '',
    layout: 'auto',
    heading: 'Välkommen',
    body: '',
    bullets: [],
    quote: null,
    bigNumber: null,
    image: null,
    source: '',
  };

  it('keeps the deck the server sends at the audience’s pace, and drops it back at the presenter’s', () => {
    const client = startClient();
    latest().open();
    latest().receive({
      ...welcome({ pace: 'audience' }),
      deck: [{ slide: intro, votingOpen: false, round: 0, resultsShown: true }],
    } as ServerMessage);
    expect(client.deck?.map((entry) => entry.slide.id)).toEqual(['intro']);

    const edited = { slide: { ...intro, heading: 'Hej' }, votingOpen: false, round: 0, resultsShown: true };
    latest().receive({ type: 'deck', slides: [edited] });
    expect(client.deck).toEqual([edited]);

    latest().receive({ type: 'state', state: state({ seq: 2, pace: 'presenter' }) });
    expect(client.deck).toBeNull();
  });

  it('tells the server which slide it is on and that it follows, once each, and again after reconnecting', () => {
    const client = joinedClient();
    client.view('intro');
    client.view('intro');
    client.follow(true);
    client.follow(true);
    expect(latest().sentOfType('view')).toEqual([{ type: 'view', slideId: 'intro' }]);
    expect(latest().sentOfType('follow')).toEqual([{ type: 'follow', on: true }]);

    latest().serverClose(1006);
    vi.runOnlyPendingTimers();
    const again = rejoin();
    expect(again.sentOfType('view')).toEqual([{ type: 'view', slideId: 'intro' }]);
    expect(again.sentOfType('follow')).toEqual([{ type: 'follow', on: true }]);

    client.follow(false);
    expect(again.sentOfType('follow')).toEqual([
      { type: 'follow', on: true },
      { type: 'follow', on: false },
    ]);
    again.serverClose(1006);
    vi.runOnlyPendingTimers();
    expect(rejoin().sentOfType('follow')).toEqual([]);
  });
});

describe('results split by a single-choice question (hosts)', () => {
  const staff: Results = { kind: 'choice', slideId: 'tools', respondents: 6, counts: [{ optionId: 'daily', count: 6 }] };
  const segments = [
    { optionId: 'staff', label: 'Staff', respondents: 6, results: staff },
    { optionId: 'chief', label: 'Chief', respondents: 0, results: null },
    { optionId: null, label: '', respondents: 0, results: null },
  ];
  const split = { slideId: 'role', show: 'side-by-side' } as const;
  const TOOLS: Slide = {
    kind: 'choice',
    id: 'tools',
    question: 'How often?',
    options: [{ id: 'daily', label: 'Daily' }],
    allowMultiple: false,
    allowChange: true,
    showResultsOnPhones: false,
    notes: '',
  };

  function splitHost(): LiveClient {
    const client = startClient({ role: 'host', sessionId: 'session-1' });
    latest().open();
    latest().receive({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'host',
      state: state({ seq: 1, split }),
      answers: {},
      questions: NO_QUESTIONS,
      nickname: null,
    });
    return client;
  }

  it('keeps the latest groups per slide, with the question they were split by', () => {
    const client = splitHost();
    latest().receive({ type: 'segments', slideId: 'tools', splitBy: 'role', segments: [] });
    latest().receive({ type: 'segments', slideId: 'tools', splitBy: 'role', segments });
    expect(client.segments).toEqual({ tools: { splitBy: 'role', segments } });
  });

  it('keeps them through a state that changes neither the split question nor the slide, e.g. another way to show them', () => {
    const client = splitHost();
    latest().receive({ type: 'segments', slideId: 'tools', splitBy: 'role', segments });
    latest().receive({ type: 'state', state: state({ seq: 2, split: { slideId: 'role', show: 'all' }, participants: 9 }) });
    expect(client.segments).toEqual({ tools: { splitBy: 'role', segments } });
  });

  it('forgets them when the split question or the slide changes, since they would be stale until counted again', () => {
    const client = splitHost();
    latest().receive({ type: 'segments', slideId: 'tools', splitBy: 'role', segments });
    latest().receive({ type: 'state', state: state({ seq: 2, split: null }) });
    expect(client.segments).toEqual({});

    latest().receive({ type: 'state', state: state({ seq: 3, split }) });
    latest().receive({ type: 'segments', slideId: 'tools', splitBy: 'role', segments });
    latest().receive({ type: 'state', state: state({ seq: 4, split, slideIndex: 2, slide: TOOLS }) });
    expect(client.segments).toEqual({});
  });
});

describe('heartbeat', () => {
  it('pings every 20 s while open, with the time it was sent', () => {
    joinedClient();
    const socket = latest();
    vi.advanceTimersByTime(19_999);
    expect(socket.sentOfType('ping')).toEqual([]);

    vi.advanceTimersByTime(1);
    const sentAt = Date.now();
    vi.advanceTimersByTime(20_000);
    expect(socket.sentOfType('ping')).toEqual([
      { type: 'ping', t: sentAt },
      { type: 'ping', t: sentAt + 20_000 },
    ]);
  });

  it('declares a socket dead after 45 s without a message and reconnects', () => {
    const client = joinedClient();
    const socket = latest();
    vi.advanceTimersByTime(44_999);
    expect(client.status).toBe('open');
    expect(socket.closedByClient).toEqual([]);

    vi.advanceTimersByTime(1);
    expect(socket.closedByClient).toEqual([undefined]);
    expect(client.status).toBe('reconnecting');
    vi.advanceTimersByTime(500);
    expect(sockets()).toHaveLength(2);
    // The browser's own close event for the abandoned socket changes nothing.
    socket.serverClose(1006);
    vi.advanceTimersByTime(60_000);
    expect(sockets()).toHaveLength(2);
  });

  it('counts any message as a sign of life', () => {
    const client = joinedClient();
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(40_000);
      latest().receive({ type: 'pong' });
    }
    expect(client.status).toBe('open');
    expect(sockets()).toHaveLength(1);
  });

  it('declares dead a socket that opened but never answered the join', () => {
    const client = startClient();
    latest().open();
    vi.advanceTimersByTime(45_000);
    expect(latest().closedByClient).toEqual([undefined]);
    expect(client.status).toBe('reconnecting');
  });
});

describe('waking up', () => {
  it('replaces a socket that has been quiet for 5 s at once when the device comes online', () => {
    const client = joinedClient();
    const stale = latest();
    vi.advanceTimersByTime(5000);
    window.dispatchEvent(new Event('online'));

    expect(stale.closedByClient).toEqual([undefined]);
    expect(sockets()).toHaveLength(2);
    expect(client.status).toBe('reconnecting');
    latest().open();
    expect(latest().sentOfType('join')).toHaveLength(1);
  });

  it('only pings a socket that spoke within the last 5 s', () => {
    joinedClient();
    const socket = latest();
    vi.advanceTimersByTime(4999);
    setVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange'));

    expect(sockets()).toHaveLength(1);
    expect(socket.closedByClient).toEqual([]);
    expect(socket.sentOfType('ping')).toEqual([{ type: 'ping', t: Date.now() }]);
  });

  it('reconnects when the page becomes visible with a stale socket, not when it is hidden', () => {
    joinedClient();
    vi.advanceTimersByTime(10_000);
    setVisibility('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sockets()).toHaveLength(1);

    setVisibility('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(sockets()).toHaveLength(2);
  });

  it('skips the rest of a back-off wait on resume, and the cancelled wait opens nothing', () => {
    joinedClient();
    // After three failed attempts, the wait before the fifth socket is 4 s.
    for (let i = 0; i < 3; i++) {
      latest().serverClose(1006);
      vi.runOnlyPendingTimers();
    }
    latest().serverClose(1006);
    expect(sockets()).toHaveLength(4);

    document.dispatchEvent(new Event('resume'));
    expect(sockets()).toHaveLength(5);
    vi.advanceTimersByTime(4000);
    expect(sockets()).toHaveLength(5);
  });
});
