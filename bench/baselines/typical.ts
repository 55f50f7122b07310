// The "typical" baseline: socket.io rooms and one better-sqlite3 transaction per answer, as most teams
// would write this app. Same join / slide / answer protocol, each message a socket.io event named by its type.
// Benchmark code, not product code.
import http from 'node:http';
import { PROTOCOL_VERSION, isQuestionSlide, showsResultsOnPhones } from '@ettor/protocol';
import { Server, type Socket } from 'socket.io';
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
  tally,
  type Session,
} from './common.js';

const slides = loadSlides();
const db = openDatabase();
const st = answerStatements(db);
const sessions = new Map<string, Session>();
const byId = new Map<string, Session>();
const participants = new Map<string, Map<string, number>>();
const hostResults = new Throttle(100);
const phoneResults = new Throttle(1000);
const presence = new Throttle(250);
const saveAnswer = db.transaction(storeAnswer);

const server = http.createServer(handleHttp(sessions, byId, slides));
const io = new Server(server, { maxHttpBufferSize: 16 * 1024, serveClient: false });

const everyone = (session: Session) => session.id;
const hostsOf = (session: Session) => `${session.id}:hosts`;
const phonesOf = (session: Session) => `${session.id}:audience`;
const countOf = (session: Session) => participants.get(session.id)?.size ?? 0;

function scheduleResults(session: Session, slideId: string): void {
  const slide = session.slides.find((s) => s.id === slideId);
  if (!slide || !isQuestionSlide(slide)) return;
  hostResults.request(`${session.id}/${slideId}`, () =>
    io.to(hostsOf(session)).emit('results', { type: 'results', results: tally(st, session.id, slide) }),
  );
  if (session.slides[session.current]?.id === slideId && showsResultsOnPhones(slide)) {
    phoneResults.request(`${session.id}/${slideId}`, () =>
      io.to(phonesOf(session)).emit('results', { type: 'results', results: tally(st, session.id, slide) }),
    );
  }
}

function schedulePresence(session: Session): void {
  presence.request(session.id, () => io.to(hostsOf(session)).emit('presence', { type: 'presence', participants: countOf(session) }));
}

io.on('connection', (socket: Socket) => {
  const bucket = new Bucket();
  let session: Session | undefined;
  let participantId: string | undefined;
  let role: 'pending' | 'audience' | 'host' = 'pending';
  const fail = (code: string, clientId?: string) =>
    socket.emit('error', { type: 'error', code, message: code, ...(clientId ? { clientId } : {}) });

  socket.use(([, message], next) => {
    if (bucket.take()) next();
    else fail('rate_limited', (message as { clientId?: string } | undefined)?.clientId);
  });

  socket.on('ping', (message: { t?: number }) => socket.emit('pong', { type: 'pong', t: message?.t }));

  socket.on('join', (message: { code: string; participantToken?: string }) => {
    const found = sessions.get(message.code);
    if (!found) {
      fail('unknown_code');
      socket.disconnect(true);
      return;
    }
    const known = message.participantToken ? st.participantByToken.get(message.participantToken, found.id) : undefined;
    const token = known?.token ?? newToken();
    participantId = known?.id ?? newId();
    if (!known) st.insertParticipant.run(participantId, found.id, token);
    session = found;
    role = 'audience';
    let counts = participants.get(found.id);
    if (!counts) participants.set(found.id, (counts = new Map()));
    counts.set(participantId, (counts.get(participantId) ?? 0) + 1);
    void socket.join([everyone(found), phonesOf(found)]);
    schedulePresence(found);
    const answers = Object.fromEntries(
      st.participantAnswers.all(found.id, participantId).map((row) => [row.slide_id, JSON.parse(row.answer)]),
    );
    socket.emit('welcome', {
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'audience',
      participantToken: token,
      state: stateOf(found, countOf(found)),
      answers,
      questions: NO_QUESTIONS,
    });
    const slide = found.slides[found.current];
    if (slide && isQuestionSlide(slide) && showsResultsOnPhones(slide))
      socket.emit('results', { type: 'results', results: tally(st, found.id, slide) });
  });

  socket.on('host', (message: { sessionId: string }) => {
    const found = byId.get(message.sessionId);
    if (!found) {
      fail('not_found');
      socket.disconnect(true);
      return;
    }
    session = found;
    role = 'host';
    void socket.join([everyone(found), hostsOf(found)]);
    socket.emit('welcome', {
      type: 'welcome',
      v: PROTOCOL_VERSION,
      role: 'host',
      state: stateOf(found, countOf(found)),
      answers: {},
      questions: NO_QUESTIONS,
    });
    socket.emit('presence', { type: 'presence', participants: countOf(found) });
    const slide = found.slides[found.current];
    if (slide && isQuestionSlide(slide)) socket.emit('results', { type: 'results', results: tally(st, found.id, slide) });
  });

  socket.on('answer', (message: { clientId: string; slideId: string; answer: unknown }) => {
    if (role !== 'audience' || !session || !participantId) return fail('not_joined', message.clientId);
    const { answer } = saveAnswer(st, session.id, participantId, message.clientId, message.slideId, message.answer);
    socket.emit('ack', { type: 'ack', clientId: message.clientId, slideId: message.slideId, answer });
    scheduleResults(session, message.slideId);
  });

  socket.on('goto', (message: { slideId: string }) => {
    if (role !== 'host' || !session) return fail('forbidden');
    const index = session.slides.findIndex((s) => s.id === message.slideId);
    if (index < 0) return fail('unknown_slide');
    session.current = index;
    session.seq += 1;
    io.to(everyone(session)).emit('state', { type: 'state', state: stateOf(session, countOf(session)) });
    scheduleResults(session, message.slideId);
  });

  socket.on('disconnect', () => {
    if (role !== 'audience' || !session || !participantId) return;
    const counts = participants.get(session.id);
    const left = (counts?.get(participantId) ?? 1) - 1;
    if (left > 0) counts?.set(participantId, left);
    else counts?.delete(participantId);
    schedulePresence(session);
  });
});

server.listen(env.port, env.host);
const stop = () => {
  void io.close();
  db.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
