// The "limit" baseline: raw ws, JSON.parse and nothing more, better-sqlite3 with batched commits.
// The floor any Node server of this protocol can reach on this machine; benchmark code, not product code.
import http from 'node:http';
import { type Answer, type ClientMessage, PROTOCOL_VERSION, type Slide, isQuestionSlide, showsResultsOnPhones } from '@ettor/protocol';
import { type WebSocket, WebSocketServer } from 'ws';
import {
  Bucket,
  NO_QUESTIONS,
  Throttle,
  answerStatements,
  env,
  handleHttp,
  loadSlides,
  newId,
  newToken,
  openDatabase,
  stateOf,
  storeAnswer,
  type Session,
} from './common.js';
import { LiveTally } from './live-tally.js';

/** A batch commits when it holds this many operations, or on the next turn of the event loop, whichever comes first. */
const MAX_BATCH = 512;
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

interface Client {
  ws: WebSocket;
  bucket: Bucket;
  role: 'pending' | 'audience' | 'host';
  session?: Session;
  participantId?: string;
}

interface Room {
  session: Session;
  audience: Set<Client>;
  hosts: Set<Client>;
  participants: Map<string, number>;
  tallies: Map<string, LiveTally>;
  hostResults: Throttle;
  phoneResults: Throttle;
  presence: Throttle;
}

type Op =
  | { kind: 'join'; client: Client; session: Session; participantId: string; token: string; fresh: boolean }
  | {
      kind: 'answer';
      client: Client;
      session: Session;
      participantId: string;
      clientId: string;
      slideId: string;
      answer: Answer;
      ack?: unknown;
      changed?: boolean;
    };

const slides = loadSlides();
const db = openDatabase();
const st = answerStatements(db);
const sessions = new Map<string, Session>();
const byId = new Map<string, Session>();
const rooms = new Map<string, Room>();

let batch: Op[] = [];
let flushScheduled = false;

/** One transaction for every join and answer that arrived since the last one; replies only after it commits. */
const commit = db.transaction((ops: Op[]) => {
  for (const op of ops) {
    if (op.kind === 'join') {
      if (op.fresh) st.insertParticipant.run(op.participantId, op.session.id, op.token);
    } else {
      const stored = storeAnswer(st, op.session.id, op.participantId, op.clientId, op.slideId, op.answer);
      op.ack = stored.answer;
      op.changed = stored.changed;
    }
  }
});

function flush(): void {
  flushScheduled = false;
  if (batch.length === 0) return;
  const ops = batch;
  batch = [];
  commit(ops);
  const changed = new Map<Room, Set<string>>();
  for (const op of ops) {
    const room = roomOf(op.session);
    if (op.kind === 'join') welcome(op.client, room, op.participantId, op.token);
    else {
      send(op.client, JSON.stringify({ type: 'ack', clientId: op.clientId, slideId: op.slideId, answer: op.ack }));
      if (!op.changed) continue;
      room.tallies.get(op.slideId)?.set(op.participantId, op.answer);
      let slideIds = changed.get(room);
      if (!slideIds) changed.set(room, (slideIds = new Set()));
      slideIds.add(op.slideId);
    }
  }
  for (const [room, slideIds] of changed) for (const slideId of slideIds) scheduleResults(room, slideId);
}

function enqueue(op: Op): void {
  batch.push(op);
  // By size as well as by time: under a flood one event-loop turn can last seconds, and a timer alone would not fire.
  if (batch.length >= MAX_BATCH) flush();
  else if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
}

function roomOf(session: Session): Room {
  let room = rooms.get(session.id);
  if (!room) {
    room = {
      session,
      audience: new Set(),
      hosts: new Set(),
      participants: new Map(),
      tallies: new Map(session.slides.filter(isQuestionSlide).map((s) => [s.id, new LiveTally(s)])),
      hostResults: new Throttle(100),
      phoneResults: new Throttle(1000),
      presence: new Throttle(250),
    };
    rooms.set(session.id, room);
  }
  return room;
}

function send(client: Client, data: string | Buffer): void {
  if (client.ws.readyState !== client.ws.OPEN) return;
  if (client.ws.bufferedAmount > MAX_BUFFERED_BYTES) client.ws.terminate();
  // A text frame either way: the protocol is JSON text.
  else client.ws.send(data, { binary: false });
}

function broadcast(to: Iterable<Client>, message: unknown): void {
  // Encoded once for every socket, so a broadcast to 10,000 phones serialises and converts to bytes once.
  const data = Buffer.from(JSON.stringify(message));
  for (const client of to) send(client, data);
}

function currentSlide(room: Room): Slide | undefined {
  return room.session.slides[room.session.current];
}

function scheduleResults(room: Room, slideId: string): void {
  const tally = room.tallies.get(slideId);
  if (!tally) return;
  room.hostResults.request(slideId, () => {
    if (room.hosts.size > 0) broadcast(room.hosts, { type: 'results', results: tally.results() });
  });
  const current = currentSlide(room);
  if (current?.id === slideId && showsResultsOnPhones(current)) {
    room.phoneResults.request(slideId, () => broadcast(room.audience, { type: 'results', results: tally.results() }));
  }
}

function schedulePresence(room: Room): void {
  room.presence.request('presence', () => broadcast(room.hosts, { type: 'presence', participants: room.participants.size }));
}

function welcome(client: Client, room: Room, participantId: string, token: string): void {
  if (client.ws.readyState !== client.ws.OPEN) return;
  client.role = 'audience';
  client.session = room.session;
  client.participantId = participantId;
  room.audience.add(client);
  room.participants.set(participantId, (room.participants.get(participantId) ?? 0) + 1);
  schedulePresence(room);
  const answers = Object.fromEntries(
    st.participantAnswers.all(room.session.id, participantId).map((row) => [row.slide_id, JSON.parse(row.answer)]),
  );
  send(
    client,
    JSON.stringify({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'audience',
      participantToken: token,
      state: stateOf(room.session, room.participants.size),
      answers,
      questions: NO_QUESTIONS,
    }),
  );
  const slide = currentSlide(room);
  if (slide && showsResultsOnPhones(slide))
    send(client, JSON.stringify({ type: 'results', results: room.tallies.get(slide.id)?.results() }));
}

function error(client: Client, code: string, clientId?: string): void {
  send(client, JSON.stringify({ type: 'error', code, message: code, ...(clientId ? { clientId } : {}) }));
}

function onMessage(client: Client, text: string): void {
  // Trusted as the protocol's shapes: the baseline checks nothing beyond JSON.parse.
  let message: ClientMessage | null;
  try {
    message = JSON.parse(text);
  } catch {
    return error(client, 'invalid_json');
  }
  if (!client.bucket.take()) return error(client, 'rate_limited', message?.type === 'answer' ? message.clientId : undefined);
  switch (message?.type) {
    case 'ping':
      return send(client, JSON.stringify({ type: 'pong', t: message.t }));
    case 'join': {
      const session = sessions.get(message.code);
      if (!session) {
        error(client, 'unknown_code');
        client.ws.close(4001, 'unknown_code');
        return;
      }
      const known =
        typeof message.participantToken === 'string' ? st.participantByToken.get(message.participantToken, session.id) : undefined;
      return enqueue({
        kind: 'join',
        client,
        session,
        participantId: known?.id ?? newId(),
        token: known?.token ?? newToken(),
        fresh: !known,
      });
    }
    case 'host': {
      const session = byId.get(message.sessionId);
      if (!session) {
        error(client, 'not_found');
        client.ws.close(4001, 'not_found');
        return;
      }
      const room = roomOf(session);
      client.role = 'host';
      client.session = session;
      room.hosts.add(client);
      send(
        client,
        JSON.stringify({
          type: 'welcome',
          v: PROTOCOL_VERSION,
          role: 'host',
          state: stateOf(session, room.participants.size),
          answers: {},
          questions: NO_QUESTIONS,
        }),
      );
      send(client, JSON.stringify({ type: 'presence', participants: room.participants.size }));
      const slide = currentSlide(room);
      const tally = slide && room.tallies.get(slide.id);
      if (tally) send(client, JSON.stringify({ type: 'results', results: tally.results() }));
      return;
    }
    case 'answer':
      if (client.role !== 'audience' || !client.session || !client.participantId) return error(client, 'not_joined', message.clientId);
      return enqueue({
        kind: 'answer',
        client,
        session: client.session,
        participantId: client.participantId,
        clientId: message.clientId,
        slideId: message.slideId,
        answer: message.answer,
      });
    case 'goto': {
      if (client.role !== 'host' || !client.session) return error(client, 'forbidden');
      const session = client.session;
      const index = session.slides.findIndex((s) => s.id === message.slideId);
      if (index < 0) return error(client, 'unknown_slide');
      session.current = index;
      session.seq += 1;
      const room = roomOf(session);
      broadcast([...room.hosts, ...room.audience], { type: 'state', state: stateOf(session, room.participants.size) });
      scheduleResults(room, message.slideId);
      return;
    }
    default:
      return error(client, 'validation_failed');
  }
}

function onClose(client: Client): void {
  if (!client.session) return;
  const room = roomOf(client.session);
  room.hosts.delete(client);
  if (room.audience.delete(client) && client.participantId) {
    const left = (room.participants.get(client.participantId) ?? 1) - 1;
    if (left > 0) room.participants.set(client.participantId, left);
    else room.participants.delete(client.participantId);
    schedulePresence(room);
  }
}

const server = http.createServer(handleHttp(sessions, byId, slides));
const wss = new WebSocketServer({ server, path: '/live', maxPayload: 16 * 1024, perMessageDeflate: false });
wss.on('connection', (ws) => {
  const client: Client = { ws, bucket: new Bucket(), role: 'pending' };
  ws.on('message', (data, isBinary) => (isBinary ? error(client, 'invalid_json') : onMessage(client, data.toString())));
  ws.on('close', () => onClose(client));
  ws.on('error', () => ws.terminate());
});
server.listen(env.port, env.host);
const stop = () => {
  flush();
  for (const ws of wss.clients) ws.terminate();
  server.close(() => {
    db.close();
    process.exit(0);
  });
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
