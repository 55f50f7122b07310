import type { IncomingMessage, Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import {
  CLOSE_CODES,
  type ClientMessage,
  LIVE_PATH,
  type OwnQuestions,
  type ServerMessage,
  MAX_CLIENT_FRAME_BYTES,
  PROTOCOL_VERSION,
  clientIdSchema,
  clientMessageSchema,
  describeZodError,
} from '@ettor/protocol';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Bus } from '../bus/bus.js';
import { AppError, toAppError } from '../http/errors.js';
import { isCrossSite } from '../http/same-origin.js';
import { Strikes } from '../limits/strikes.js';
import type { ParticipantsService } from '../participants/participants.service.js';
import type { QaRequest, QaService } from '../qa/qa.service.js';
import type { ReactionsService } from '../reactions/reactions.service.js';
import type { ResponsesService } from '../responses/responses.service.js';
import type { SessionsService } from '../sessions/sessions.service.js';
import { AddressCounts } from './address-counts.js';
import { Connection } from './connection.js';
import { PRESENCE_HEARTBEAT_MS, Room, type RoomDeps } from './room.js';

/** Every socket is pinged this often; one that has not answered the previous ping by then is dropped. */
const HEARTBEAT_MS = 30_000;
/** Pings go out in small slices on every tick, not all at once: 10,000 pings in one turn stall the event loop. */
const HEARTBEAT_TICK_MS = 1_000;
/** Open sockets one participant may hold (a few tabs); more is a script, not a person. */
const MAX_SOCKETS_PER_PARTICIPANT = 5;
/**
 * Sockets from one address that have not joined yet. A phone joins within a round trip, so even a hall behind one
 * NAT address scanning the code at once holds a few dozen; hundreds are someone holding sockets open.
 */
const MAX_PENDING_PER_ADDRESS = 100;
/**
 * Sockets an address may have closed for flooding in a minute before the address itself is refused, for a minute and
 * then twice as long each time: no page does that, and refusing costs far less than accepting and closing.
 */
const FLOODER_RULES = { perWindow: 10, windowMs: 60_000, firstBlockMs: 60_000, maxBlockMs: 15 * 60_000 };
/** The Q&A part of a welcome for a new participant or a host. */
const NO_QUESTIONS: OwnQuestions = { asked: [], upvoted: [] };
/** WebSocket's own close code for a server going away for a restart: clients reconnect, here to another node. */
const SERVICE_RESTART = 1012;
/** WebSocket's own close code for a server that cannot serve now: clients reconnect after their back-off. */
const TRY_AGAIN_LATER = 1013;
/** A phone sends its join as soon as the socket opens; this is ample on a poor connection. */
const DEFAULT_JOIN_TIMEOUT_MS = 10_000;

export interface LiveDeps {
  bus: Bus;
  sessions: SessionsService;
  participants: ParticipantsService;
  responses: ResponsesService;
  qa: QaService;
  reactions: ReactionsService;
  /** The results of a slide drawn from other slides' answers (a topography), counted from the store. */
  derivedResults: RoomDeps['derivedResults'];
  /** A question's results split by the groups of a single-choice question, k applied, counted from the store. */
  segments: RoomDeps['segments'];
  /** Every player's quiz score as of a slide, counted from the store. */
  scores: RoomDeps['scores'];
  /** The signed-in presenter behind an upgrade request, from its cookie. */
  userForRequest: (request: IncomingMessage) => Promise<string | undefined>;
  /** The client's address (the proxy's forwarded one when trusted), for the per-address socket limit. */
  addressOf: (request: IncomingMessage) => string;
  /** No proxy is trusted, so a connection's own address is the client's and a flooder can be refused before HTTP. */
  clientsConnectDirectly: boolean;
  /** Most open sockets one address may hold; a room behind one NAT can be large, so this is generous. */
  maxSocketsPerAddress: number;
  /** How long a socket may stay open without joining; shorter in tests. */
  joinTimeoutMs?: number;
  log: { error: (object: unknown, message: string) => void };
}

export interface LiveServer {
  /**
   * Stops taking new sockets, lets what the services already took commit (acks still go out on the open sockets), then
   * closes every socket with 1012 so its client reconnects, through the load balancer, to another node.
   */
  drain(finishCommits: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
  readonly connectionCount: number;
}

/** Transport only: authenticates sockets, parses messages, calls services, delivers bus events to rooms. */
export function attachLiveServer(server: Server, deps: LiveDeps): LiveServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME_BYTES });
  const rooms = new Map<string, { room: Room; unsubscribe: () => void }>();
  const roomsOpening = new Map<string, Promise<Room>>();
  const connectionOf = new WeakMap<WebSocket, Connection>();
  const socketsPerAddress = new AddressCounts(deps.maxSocketsPerAddress);
  const pendingPerAddress = new AddressCounts(MAX_PENDING_PER_ADDRESS);
  const joinTimeoutMs = deps.joinTimeoutMs ?? DEFAULT_JOIN_TIMEOUT_MS;
  const flooders = new Strikes(FLOODER_RULES);
  const onError = (error: unknown) => deps.log.error({ err: error }, 'live channel error');
  let draining = false;

  function onUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Node takes its own error handler off an upgrading socket; until ws adds one, a reset would crash the process.
    socket.on('error', () => socket.destroy());
    const path = (request.url ?? '').split('?')[0];
    if (path !== LIVE_PATH || draining) {
      socket.destroy();
      return;
    }
    const address = deps.addressOf(request);
    if (flooders.waitFor(address) > 0) {
      refuse(socket, 'This address sent too many messages; try again later.');
      return;
    }
    const releaseSocket = socketsPerAddress.take(address);
    const releasePending = releaseSocket && pendingPerAddress.take(address);
    if (!releaseSocket || !releasePending) {
      releaseSocket?.();
      refuse(socket, 'Too many connections from this address.');
      return;
    }
    socket.once('close', () => {
      releaseSocket();
      releasePending();
    });
    deps
      .userForRequest(request)
      .catch(() => undefined)
      .then((userId) => {
        // A presenter's cookie only counts on a socket the presenter's own page opened.
        const trusted = isCrossSite(request.headers) ? undefined : userId;
        wss.handleUpgrade(request, socket, head, (ws) => accept(ws, trusted, address, releasePending));
      })
      .catch(onError);
  }
  server.on('upgrade', onUpgrade);

  function onConnection(socket: Socket): void {
    if (flooders.waitFor(socket.remoteAddress ?? '') > 0) socket.destroy();
  }
  if (deps.clientsConnectDirectly) server.on('connection', onConnection);

  function accept(ws: WebSocket, userId: string | undefined, address: string, releasePending: () => void): void {
    // A random first ping time spreads the sockets evenly over the heartbeat.
    const connection = new Connection(ws, userId, address, Date.now() + Math.random() * HEARTBEAT_MS, releasePending);
    connectionOf.set(ws, connection);
    const joinTimer = setTimeout(() => {
      if (connection.role === 'pending') connection.close(CLOSE_CODES.joinTimeout, 'no join message');
    }, joinTimeoutMs);
    ws.on('pong', () => {
      connection.isAlive = true;
    });
    ws.on('message', (data, isBinary) => {
      connection.isAlive = true;
      switch (connection.admit()) {
        case 'handle':
          connection.enqueue(() =>
            handleFrame(connection, data, isBinary).catch((error) => reportError(connection, error, clientIdOf(data))),
          );
          return;
        case 'notify':
          // Without a clientId: an answer dropped unread stays unacked, so the page sends it again after reconnecting.
          connection.send({ type: 'error', code: 'rate_limited', message: 'Too many messages; slow down.' });
          return;
        case 'close':
          connection.closeForFlooding();
          flooders.strike(connection.address);
          return;
        case 'drop':
          return;
      }
    });
    ws.on('close', () => {
      clearTimeout(joinTimer);
      leave(connection);
    });
    ws.on('error', () => ws.terminate());
  }

  async function handleFrame(connection: Connection, data: RawData, isBinary: boolean): Promise<void> {
    let json: unknown;
    try {
      if (isBinary) throw new SyntaxError('binary frame');
      json = JSON.parse(data.toString());
    } catch {
      throw new AppError('invalid_json', 'Messages must be JSON text.');
    }
    const parsed = clientMessageSchema.safeParse(json);
    if (!parsed.success) throw new AppError('validation_failed', describeZodError(parsed.error));
    await handleMessage(connection, parsed.data);
  }

  async function handleMessage(connection: Connection, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'ping':
        connection.send({ type: 'pong', ...(message.t === undefined ? {} : { t: message.t }) });
        return;
      case 'join':
        return untilJoined(connection, join(connection, message.code, message.participantToken, message.v));
      case 'host':
        return untilJoined(connection, host(connection, message.sessionId, message.v));
      case 'answer': {
        const { sessionId, participantId } = connection;
        if (connection.role !== 'audience' || !sessionId || !participantId) {
          throw new AppError('not_joined', 'Join a session before answering.');
        }
        // The socket's next message need not wait for this commit: batches keep arrival order, so answers keep
        // theirs, and the ack keeps its place among the replies.
        const ack = deps.responses.submit({
          sessionId,
          participantId,
          clientId: message.clientId,
          slideId: message.slideId,
          answer: message.answer,
        });
        connection.sendWhenReady(
          ack.then(
            (acked): ServerMessage => ({ type: 'ack', ...acked }),
            (error: unknown) => refusal(error, message.clientId),
          ),
        );
        return;
      }
      case 'ask':
      case 'upvote': {
        const { sessionId, participantId } = connection;
        if (connection.role !== 'audience' || !sessionId || !participantId) {
          throw new AppError('not_joined', 'Join a session before asking or voting.');
        }
        const request: QaRequest = { ...message, sessionId, participantId };
        const reply = deps.qa.submit(request);
        connection.sendWhenReady(
          reply.then(
            (replied): ServerMessage => ('question' in replied ? { type: 'asked', ...replied } : { type: 'upvoted', ...replied }),
            (error: unknown) => refusal(error, message.clientId),
          ),
        );
        return;
      }
      case 'react': {
        const { sessionId, participantId } = connection;
        const room = sessionId === undefined ? undefined : rooms.get(sessionId)?.room;
        if (connection.role !== 'audience' || !room || !sessionId || !participantId) {
          throw new AppError('not_joined', 'Join a session before reacting.');
        }
        const { reactions, slide, pace } = room.currentState();
        if (!reactions) throw new AppError('reactions_off', 'The presenter has turned reactions off.');
        // At the audience's pace no slide is the room's, so a reaction would count for one the phone is not on.
        if (pace === 'audience') throw new AppError('reactions_off', 'Reactions are off while everyone goes at their own pace.');
        if (!slide) throw new AppError('unknown_slide', 'No slide is shown to react to.');
        if (!deps.reactions.add(sessionId, slide.id, participantId, message.reaction)) {
          throw new AppError('rate_limited', 'Too many reactions; wait a moment.');
        }
        return;
      }
      case 'set-nickname': {
        const { sessionId, participantId } = connection;
        if (connection.role !== 'audience' || !sessionId || !participantId) {
          throw new AppError('not_joined', 'Join a session before choosing a nickname.');
        }
        const nickname = await deps.participants.setNickname(sessionId, participantId, message.nickname);
        connection.send({ type: 'nickname', clientId: message.clientId, nickname });
        await redrawLeaderboard(sessionId);
        return;
      }
      case 'set-reactions': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.setReactions(userId, sessionId, message.on);
        return;
      }
      case 'set-screen': {
        const { userId, sessionId } = requireHost(connection);
        const { type: _type, ...screen } = message;
        await deps.sessions.setScreen(userId, sessionId, screen);
        return;
      }
      case 'set-pace': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.setPace(userId, sessionId, message.pace, message.openUntil ?? null);
        return;
      }
      case 'view': {
        const room = joinedRoom(connection, 'Join a session before moving through it.');
        if (!(await room.hasSlide(message.slideId))) throw new AppError('unknown_slide', 'There is no such slide in this presentation.');
        await room.view(connection, message.slideId);
        return;
      }
      case 'follow': {
        const room = joinedRoom(connection, 'Join a session before following it.');
        await room.follow(connection, message.on);
        return;
      }
      case 'reveal-results': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.revealResults(userId, sessionId, message.slideId, message.shown);
        return;
      }
      case 'set-approve-first': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.setApproveFirst(userId, sessionId, message.slideId, message.on);
        return;
      }
      case 'moderate-question': {
        const { userId, sessionId } = requireHost(connection);
        await deps.qa.moderate(userId, sessionId, message.questionId, message.action);
        return;
      }
      case 'moderate-nickname': {
        const { sessionId } = requireHost(connection);
        await deps.participants.reviewNickname(sessionId, message.nickname, message.action);
        await redrawLeaderboard(sessionId);
        return;
      }
      case 'goto': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.goto(userId, sessionId, message.slideId);
        return;
      }
      case 'set-voting': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.setVoting(userId, sessionId, message.slideId, message.open, message.inSeconds);
        return;
      }
      case 'countdown': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.countdown(userId, sessionId, message.slideId, { action: message.action, seconds: message.seconds });
        return;
      }
      case 'reset-results': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.resetResults(userId, sessionId, message.slideId);
        return;
      }
      case 'hide-answer': {
        const { userId, sessionId } = requireHost(connection);
        await deps.responses.hideAnswer(userId, sessionId, message.slideId, message.answerId, message.hidden);
        return;
      }
      case 'hide-word': {
        const { userId, sessionId } = requireHost(connection);
        await deps.responses.hideWord(userId, sessionId, message.slideId, message.word, message.hidden);
        return;
      }
      case 'merge-word': {
        const { userId, sessionId } = requireHost(connection);
        await deps.responses.mergeWord(userId, sessionId, message.slideId, message.word, message.into);
        return;
      }
      case 'split-word': {
        const { userId, sessionId } = requireHost(connection);
        await deps.responses.splitWord(userId, sessionId, message.slideId, message.word);
        return;
      }
      case 'set-split': {
        const { userId, sessionId } = requireHost(connection);
        await deps.sessions.setSplit(userId, sessionId, message.split);
        return;
      }
    }
  }

  /** The room of a phone that has joined; anyone else is refused. */
  function joinedRoom(connection: Connection, refusal: string): Room {
    const room = connection.sessionId === undefined ? undefined : rooms.get(connection.sessionId)?.room;
    if (connection.role !== 'audience' || !room) throw new AppError('not_joined', refusal);
    return room;
  }

  /** Draws a leaderboard on screen again on every node, after a nickname changed; others are drawn when shown. */
  async function redrawLeaderboard(sessionId: string): Promise<void> {
    // The room's state is the session's as last told, so no read of the store (a whole room may pick nicknames at once).
    const slide = rooms.get(sessionId)?.room.currentState().slide;
    if (slide?.kind === 'leaderboard') await deps.bus.publish(sessionId, { type: 'answers-changed', slideId: slide.id });
  }

  /** The presenter and session behind a host socket; anyone else is refused. */
  function requireHost(connection: Connection): { userId: string; sessionId: string } {
    const { role, userId, sessionId } = connection;
    if (role !== 'host' || !userId || !sessionId) throw new AppError('forbidden', 'Only the presenter can do that.');
    return { userId, sessionId };
  }

  function refuseVersion(connection: Connection, v: number): boolean {
    if (v === PROTOCOL_VERSION) return false;
    connection.send({ type: 'error', code: 'protocol_mismatch', message: 'This page is out of date; reload it.' });
    connection.close(CLOSE_CODES.protocolMismatch, 'protocol mismatch');
    return true;
  }

  /** A join the database could not answer is closed at once with 1013, so the client tries again after its back-off. */
  async function untilJoined(connection: Connection, joining: Promise<void>): Promise<void> {
    try {
      await joining;
    } catch (error) {
      const refused = toAppError(error);
      if (refused.code !== 'unavailable' || connection.role !== 'pending') throw error;
      connection.send(refusal(refused, undefined));
      connection.close(TRY_AGAIN_LATER, 'unavailable');
    }
  }

  async function join(connection: Connection, code: string, token: string | undefined, v: number): Promise<void> {
    if (refuseVersion(connection, v)) return;
    if (connection.role !== 'pending') throw new AppError('conflict', 'This socket has already joined.');
    let session;
    try {
      session = await deps.sessions.openByCode(code, connection.address);
    } catch (error) {
      if (error instanceof AppError) {
        connection.send({ type: 'error', code: error.code, message: error.message });
        connection.close(error.code === 'session_ended' ? CLOSE_CODES.sessionEnded : CLOSE_CODES.refused, error.code);
        return;
      }
      throw error;
    }
    const participant = await deps.participants.resolve(session.id, token);
    const room = await openRoom(session.id);
    if (room.socketsOf(participant.id) >= MAX_SOCKETS_PER_PARTICIPANT) {
      connection.send({
        type: 'error',
        code: 'rate_limited',
        message: 'This participant has too many connections open; close another tab.',
      });
      connection.close(CLOSE_CODES.refused, 'rate_limited');
      return;
    }
    const answers = participant.isNew ? {} : await deps.responses.answersOf(session.id, participant.id);
    const questions = participant.isNew ? NO_QUESTIONS : await deps.qa.own(session.id, participant.id);
    // At the audience's own pace the phone moves through the deck itself, so it gets all of it.
    const deck = room.currentState().pace === 'audience' ? await room.phoneDeck() : undefined;
    if (connection.ws.readyState !== connection.ws.OPEN) return;
    connection.becomes('audience', session.id);
    connection.participantId = participant.id;
    room.addParticipant(connection, participant.id);
    const state = room.currentState();
    connection.send({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'audience',
      participantToken: participant.token,
      state,
      answers,
      questions,
      nickname: participant.nickname,
      ...(deck && state.pace === 'audience' ? { deck } : {}),
    });
    const slideId = room.currentState().slide?.id;
    if (slideId && room.showsResultsOnPhones(slideId)) await room.sendCurrentResults(connection);
    await room.sendScore(connection);
  }

  async function host(connection: Connection, sessionId: string, v: number): Promise<void> {
    if (refuseVersion(connection, v)) return;
    if (connection.role !== 'pending') throw new AppError('conflict', 'This socket has already joined.');
    try {
      if (!connection.userId) throw new AppError('unauthorized', 'Sign in to present.');
      await deps.sessions.hosted(connection.userId, sessionId);
    } catch (error) {
      if (error instanceof AppError) {
        connection.send({ type: 'error', code: error.code, message: error.message });
        connection.close(CLOSE_CODES.refused, error.code);
        return;
      }
      throw error;
    }
    const room = await openRoom(sessionId);
    if (connection.ws.readyState !== connection.ws.OPEN) return;
    connection.becomes('host', sessionId);
    room.addHost(connection);
    connection.send({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'host',
      state: room.currentState(),
      answers: {},
      questions: NO_QUESTIONS,
      nickname: null,
    });
    connection.send({ type: 'presence', participants: room.participantCount });
    await room.sendCurrentResults(connection);
    const shown = room.currentState().slide;
    if (shown)
      connection.send({ type: 'reactions', slideId: shown.id, added: {}, totals: await deps.reactions.totals(sessionId, shown.id) });
  }

  /** The room for a session on this node, subscribed to the bus before its first state is read. */
  function openRoom(sessionId: string): Promise<Room> {
    const existing = rooms.get(sessionId);
    if (existing) return Promise.resolve(existing.room);
    let opening = roomsOpening.get(sessionId);
    if (!opening) {
      opening = (async () => {
        const early: Parameters<Room['handle']>[0][] = [];
        let room: Room | undefined;
        const unsubscribe = deps.bus.subscribe(sessionId, (event) => {
          if (room) deliver(room, event);
          else early.push(event);
        });
        try {
          room = new Room(sessionId, await deps.sessions.state(sessionId), {
            slideAnswers: deps.responses.slideAnswers,
            derivedResults: deps.derivedResults,
            segments: deps.segments,
            scores: deps.scores,
            pacedDeck: deps.sessions.pacedDeck,
            hasClosed: deps.sessions.hasClosed,
            state: deps.sessions.state,
            node: deps.bus.node,
            announce: (event) => void deps.bus.publish(sessionId, event),
            onError,
          });
          room.announcePresence(true);
        } catch (error) {
          unsubscribe();
          throw error;
        }
        for (const event of early) deliver(room, event);
        rooms.set(sessionId, { room, unsubscribe });
        return room;
      })().finally(() => roomsOpening.delete(sessionId));
      roomsOpening.set(sessionId, opening);
    }
    return opening;
  }

  function deliver(room: Room, event: Parameters<Room['handle']>[0]): void {
    room.handle(event);
    if (event.type === 'state' && event.state.status === 'ended') {
      for (const connection of [...room.audience, ...room.hosts]) connection.close(CLOSE_CODES.sessionEnded, 'session ended');
    }
  }

  function leave(connection: Connection): void {
    if (!connection.sessionId) return;
    const entry = rooms.get(connection.sessionId);
    if (!entry) return;
    entry.room.remove(connection);
    if (entry.room.isEmpty) {
      // The other nodes stop counting this node's participants now rather than when its presence expires.
      entry.room.announcePresence();
      entry.unsubscribe();
      entry.room.dispose();
      rooms.delete(connection.sessionId);
    }
  }

  /** Every refusal names the answer it refuses, when the frame carried a client id, so the phone can match it. */
  function refusal(error: unknown, clientId: string | undefined): ServerMessage {
    const refused = toAppError(error);
    // An internal AppError (a stored row this version cannot read) is the operator's to fix, as is any other failure.
    if (refused.code === 'internal') onError(error);
    return { type: 'error', code: refused.code, message: refused.message, ...(clientId ? { clientId } : {}) };
  }

  function reportError(connection: Connection, error: unknown, clientId: string | undefined): void {
    connection.send(refusal(error, clientId));
  }

  const heartbeat = setInterval(() => {
    const now = Date.now();
    for (const ws of wss.clients) {
      const connection = connectionOf.get(ws);
      if (!connection || connection.nextPingAt > now) continue;
      if (!connection.isAlive) {
        ws.terminate();
        continue;
      }
      connection.isAlive = false;
      connection.nextPingAt = now + HEARTBEAT_MS;
      ws.ping();
    }
  }, HEARTBEAT_TICK_MS);
  heartbeat.unref();

  const presence = setInterval(() => {
    for (const { room } of rooms.values()) room.announcePresence();
  }, PRESENCE_HEARTBEAT_MS);
  presence.unref();

  return {
    get connectionCount() {
      return wss.clients.size;
    },
    async drain(finishCommits) {
      draining = true;
      await finishCommits();
      for (const ws of wss.clients) ws.close(SERVICE_RESTART, 'node is stopping; connect again');
    },
    async close() {
      clearInterval(heartbeat);
      clearInterval(presence);
      server.off('upgrade', onUpgrade);
      server.off('connection', onConnection);
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      for (const { room, unsubscribe } of rooms.values()) {
        unsubscribe();
        room.dispose();
      }
      rooms.clear();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Answers an upgrade with 429 and the error shape, without a WebSocket. */
function refuse(socket: Duplex, message: string): void {
  const body = JSON.stringify({ error: { code: 'rate_limited', message } });
  socket.end(
    `HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** The clientId of a frame, if it is JSON with a well-formed one; for matching errors to answers. */
function clientIdOf(data: RawData): string | undefined {
  try {
    const id = (JSON.parse(data.toString()) as { clientId?: unknown } | null)?.clientId;
    return clientIdSchema.safeParse(id).success ? (id as string) : undefined;
  } catch {
    return undefined;
  }
}
