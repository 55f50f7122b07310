import { describe, expect, it } from 'vitest';
import { deckFileSchema } from './deck.js';
import { CLOSE_CODES, LIVE_PATH, MAX_CLIENT_FRAME_BYTES } from './constants.js';
import { ERROR_CODES, ERROR_STATUS } from './error-codes.js';
import { describeZodError, errorBodySchema } from './errors.js';
import { createSlideBodySchema, loginBodySchema, reorderSlidesBodySchema, signupBodySchema } from './http.js';
import { formatJoinCode, parseJoinCode } from './join-code.js';
import { MAX_COUNTDOWN_SECONDS, clientMessageSchema, serverMessageSchema } from './live.js';
import { PROTOCOL_VERSION } from './version.js';

const CLIENT_ID = 'c_0123456789';
const TOKEN = 'abcdefghijklmnopqrstuvwxyz012345';

const state = {
  sessionId: 'b6f2c7b0-8a3e-4c2b-9a57-2a1f2d9c0e11',
  code: '12345678',
  title: 'Town hall',
  status: 'live',
  seq: 3,
  slideIndex: 1,
  slideCount: 4,
  slide: {
    id: 'role',
    kind: 'choice',
    notes: '',
    question: 'Your role?',
    allowChange: true,
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    allowMultiple: false,
    showResultsOnPhones: true,
  },
  votingOpen: true,
  round: 0,
  closesInMs: null,
  pausedLeftMs: null,
  awaitingStart: false,
  participants: 12,
  anonymityThreshold: 5,
  strictAnonymity: false,
  split: { slideId: 'role', show: 'side-by-side' },
  askAnytime: {
    id: 'qa',
    kind: 'qa',
    notes: '',
    question: 'Questions?',
    anytime: true,
    approveFirst: false,
    names: true,
    maxLength: 280,
  },
  reactions: true,
  screen: { black: false, joinScreen: true, codeBar: true },
  resultsShown: true,
  pace: 'presenter',
  openUntil: null,
};

const QUESTION = {
  id: 'q1',
  text: 'How do we start?',
  name: null,
  askedAt: '2026-12-02T10:00:00.000Z',
  votes: 3,
  status: 'shown',
  answered: false,
  pinned: true,
};

const clientExamples = {
  join: { type: 'join', v: PROTOCOL_VERSION, code: '12345678' },
  joinWithToken: { type: 'join', v: PROTOCOL_VERSION, code: '00000001', participantToken: TOKEN },
  host: { type: 'host', v: PROTOCOL_VERSION, sessionId: state.sessionId },
  answerChoice: { type: 'answer', clientId: CLIENT_ID, slideId: 'role', answer: { kind: 'choice', optionIds: ['a'] } },
  answerWords: { type: 'answer', clientId: 'abcdefgh', slideId: 'words', answer: { kind: 'wordcloud', entries: ['Mod', 'Tillit'] } },
  answerOpen: { type: 'answer', clientId: 'A-_'.repeat(21) + 'x', slideId: 'open', answer: { kind: 'open', text: 'Hej!' } },
  goto: { type: 'goto', slideId: 'role' },
  setVoting: { type: 'set-voting', slideId: 'role', open: false },
  closeAfter: { type: 'set-voting', slideId: 'role', open: false, inSeconds: 30 },
  pauseCountdown: { type: 'countdown', slideId: 'quiz', action: 'pause' },
  extendCountdown: { type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 15 },
  resetResults: { type: 'reset-results', slideId: 'role' },
  hideAnswer: { type: 'hide-answer', slideId: 'open', answerId: 'r1', hidden: true },
  hideWord: { type: 'hide-word', slideId: 'words', word: 'Ledarskap', hidden: false },
  splitSideBySide: { type: 'set-split', split: { slideId: 'role', show: 'side-by-side' } },
  splitOneGroup: { type: 'set-split', split: { slideId: 'role', show: { optionId: 'a' } } },
  splitNotGiven: { type: 'set-split', split: { slideId: 'role', show: { optionId: null } } },
  splitOff: { type: 'set-split', split: null },
  ask: { type: 'ask', clientId: CLIENT_ID, slideId: 'qa', text: 'How do we start?' },
  askSigned: { type: 'ask', clientId: CLIENT_ID, slideId: 'qa', text: 'Why?', name: 'Anna' },
  upvote: { type: 'upvote', clientId: CLIENT_ID, questionId: 'q1', up: true },
  takeBack: { type: 'upvote', clientId: CLIENT_ID, questionId: 'q1', up: false },
  moderate: { type: 'moderate-question', questionId: 'q1', action: 'pin' },
  react: { type: 'react', reaction: 'applause' },
  nickname: { type: 'set-nickname', clientId: CLIENT_ID, nickname: 'Anna' },
  reactionsOff: { type: 'set-reactions', on: false },
  paceAudience: { type: 'set-pace', pace: 'audience', openUntil: '2026-12-17T23:59:59.000+01:00' },
  paceWithoutEnd: { type: 'set-pace', pace: 'audience', openUntil: null },
  pacePresenter: { type: 'set-pace', pace: 'presenter' },
  view: { type: 'view', slideId: 'role' },
  follow: { type: 'follow', on: true },
  ping: { type: 'ping' },
  pingWithTime: { type: 'ping', t: 1712345678901.5 },
} as const;

const serverExamples = {
  welcomeAudience: {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'audience',
    participantToken: TOKEN,
    state,
    answers: { role: { kind: 'choice', optionIds: ['a'] }, words: { kind: 'wordcloud', entries: ['Mod'] } },
    questions: { asked: [{ ...QUESTION, slideId: 'qa' }], upvoted: ['q2'] },
    nickname: 'Anna',
  },
  welcomeHost: {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'host',
    state: { ...state, slide: null, status: 'ended', votingOpen: false, askAnytime: null },
    answers: {},
    questions: { asked: [], upvoted: [] },
    nickname: null,
  },
  state: { type: 'state', state },
  stateSelfPaced: { type: 'state', state: { ...state, pace: 'audience', openUntil: '2026-12-17T22:59:59.000Z' } },
  welcomeSelfPaced: {
    type: 'welcome',
    v: PROTOCOL_VERSION,
    role: 'audience',
    participantToken: TOKEN,
    state: { ...state, pace: 'audience' },
    answers: {},
    questions: { asked: [], upvoted: [] },
    nickname: null,
    deck: [{ slide: state.slide, votingOpen: true, round: 0, resultsShown: true }],
  },
  deck: {
    type: 'deck',
    slides: [
      { slide: state.slide, votingOpen: false, round: 2, resultsShown: false },
      { slide: state.askAnytime, votingOpen: false, round: 0, resultsShown: true },
    ],
  },
  resultsChoice: {
    type: 'results',
    results: {
      kind: 'choice',
      slideId: 'role',
      respondents: 2,
      counts: [
        { optionId: 'a', count: 2 },
        { optionId: 'b', count: 0 },
      ],
    },
  },
  resultsWords: {
    type: 'results',
    results: { kind: 'wordcloud', slideId: 'words', respondents: 1, words: [{ text: 'Mod', count: 1, hidden: false, forms: [] }] },
  },
  resultsOpen: {
    type: 'results',
    results: { kind: 'open', slideId: 'open', respondents: 1, entries: [{ id: 'r1', text: 'Hej!', hidden: true }] },
  },
  resultsQa: {
    type: 'results',
    results: { kind: 'qa', slideId: 'qa', respondents: 1, total: 3, pending: 1, hidden: 1, questions: [QUESTION] },
  },
  asked: { type: 'asked', clientId: CLIENT_ID, question: { ...QUESTION, slideId: 'qa' } },
  upvoted: { type: 'upvoted', clientId: CLIENT_ID, questionId: 'q1', up: true },
  nickname: { type: 'nickname', clientId: CLIENT_ID, nickname: 'Anna' },
  score: {
    type: 'score',
    score: {
      total: 1750,
      rank: 2,
      players: 40,
      last: { slideId: 'q', answered: true, correct: true, points: 750, correctOptionIds: ['b'] },
    },
  },
  scoreBeforeAny: { type: 'score', score: { total: 0, rank: null, players: 0, last: null } },
  reactions: { type: 'reactions', slideId: 'role', added: { applause: 3 }, totals: { applause: 12, heart: 2 } },
  withheld: { type: 'withheld', slideId: 'role', respondents: 2 },
  segments: {
    type: 'segments',
    slideId: 'words',
    splitBy: 'role',
    segments: [
      { optionId: 'a', label: 'A', respondents: 6, results: { kind: 'wordcloud', slideId: 'words', respondents: 6, words: [] } },
      { optionId: 'b', label: 'B', respondents: 0, results: null },
      { optionId: null, label: '', respondents: 0, results: null },
    ],
  },
  presence: { type: 'presence', participants: 0 },
  ack: { type: 'ack', clientId: CLIENT_ID, slideId: 'role', answer: { kind: 'choice', optionIds: ['a'] } },
  error: { type: 'error', code: 'voting_closed', message: 'Voting on this question has closed.', clientId: CLIENT_ID },
  errorWithoutClientId: { type: 'error', code: 'rate_limited', message: 'Too many messages; slow down.' },
  pong: { type: 'pong', t: 5 },
  pongEmpty: { type: 'pong' },
} as const;

const refusedClient = (input: unknown) => expect(clientMessageSchema.safeParse(input).success).toBe(false);
const refusedServer = (input: unknown) => expect(serverMessageSchema.safeParse(input).success).toBe(false);

describe('constants', () => {
  it('have the documented values', () => {
    expect(LIVE_PATH).toBe('/live');
    expect(MAX_CLIENT_FRAME_BYTES).toBe(16384);
    expect(PROTOCOL_VERSION).toBe(3);
    expect(CLOSE_CODES).toEqual({ sessionEnded: 4000, refused: 4001, protocolMismatch: 4002, joinTimeout: 4003 });
  });
});

describe('clientMessageSchema', () => {
  it.each(Object.entries(clientExamples))('parses a valid %s', (_name, message) => {
    expect(clientMessageSchema.parse(message)).toEqual(message);
  });

  it('parses valid messages sent as JSON text', () => {
    for (const message of Object.values(clientExamples)) {
      expect(clientMessageSchema.safeParse(JSON.parse(JSON.stringify(message))).success).toBe(true);
    }
  });

  it('refuses an unknown or missing type', () => {
    refusedClient({ type: 'leave' });
    refusedClient({ type: 'welcome', v: 1 });
    refusedClient({ v: 1, code: '12345678' });
    refusedClient({ type: 'PING' });
  });

  it('refuses an unknown extra field on every type', () => {
    for (const message of Object.values(clientExamples)) refusedClient({ ...message, extra: true });
  });

  it('refuses a split that is not everyone, side by side or one group', () => {
    refusedClient({ type: 'set-split', split: { slideId: 'role', show: 'sideways' } });
    refusedClient({ type: 'set-split', split: { slideId: 'role', show: { optionId: 'bad id!' } } });
    refusedClient({ type: 'set-split', split: { slideId: 'role' } });
    refusedClient({ type: 'set-split' });
  });

  it('refuses wrong types', () => {
    refusedClient({ ...clientExamples.join, v: '1' });
    refusedClient({ ...clientExamples.join, v: 1.5 });
    refusedClient({ ...clientExamples.join, code: 12345678 });
    refusedClient({ ...clientExamples.setVoting, open: 'false' });
    refusedClient({ ...clientExamples.ping, t: '5' });
    refusedClient({ ...clientExamples.answerChoice, answer: { kind: 'choice', optionIds: 'a' } });
    refusedClient({ ...clientExamples.ask, text: 42 });
    refusedClient({ ...clientExamples.ask, name: null });
    refusedClient({ ...clientExamples.upvote, up: 'yes' });
    refusedClient({ ...clientExamples.upvote, questionId: 'not an id!' });
    refusedClient({ ...clientExamples.moderate, action: 'delete' });
    refusedClient({ ...clientExamples.react, reaction: 'poop' });
    refusedClient({ ...clientExamples.nickname, nickname: 7 });
    refusedClient({ type: 'set-nickname', nickname: 'Anna' });
    refusedClient({ ...clientExamples.reactionsOff, on: 'no' });
    refusedClient('ping');
    refusedClient(null);
    refusedClient([clientExamples.ping]);
  });

  it('refuses missing fields', () => {
    refusedClient({ type: 'join', code: '12345678' });
    refusedClient({ type: 'join', v: 1 });
    refusedClient({ type: 'host', v: 1 });
    refusedClient({ type: 'answer', clientId: CLIENT_ID, slideId: 'role' });
    refusedClient({ type: 'answer', slideId: 'role', answer: { kind: 'open', text: 'x' } });
    refusedClient({ type: 'goto' });
    refusedClient({ type: 'set-voting', slideId: 'role' });
    refusedClient({ type: 'countdown', slideId: 'quiz' });
  });

  it('refuses a countdown step that is not one, and seconds without extend or beyond the longest countdown', () => {
    refusedClient({ type: 'countdown', slideId: 'quiz', action: 'stop' });
    refusedClient({ type: 'countdown', slideId: 'quiz', action: 'extend' });
    refusedClient({ type: 'countdown', slideId: 'quiz', action: 'pause', seconds: 5 });
    refusedClient({ type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 0 });
    refusedClient({ type: 'countdown', slideId: 'quiz', action: 'extend', seconds: MAX_COUNTDOWN_SECONDS + 1 });
    refusedClient({ type: 'countdown', slideId: 'quiz', action: 'extend', seconds: 1.5 });
  });

  it.each(['1234567', '123456789', '1234567a', 'abcdefgh', '1234 5678', '', '12345678\n', '١٢٣٤٥٦٧٨'])(
    'refuses the join code %j',
    (code) => {
      refusedClient({ ...clientExamples.join, code });
    },
  );

  it.each(['', 'short', 'abcdefg', 'has space!', 'ünicode-id', 'x'.repeat(65), 'abc/defgh'])('refuses the clientId %j', (clientId) => {
    refusedClient({ ...clientExamples.answerChoice, clientId });
  });

  it('refuses a malformed participantToken or an empty sessionId', () => {
    refusedClient({ ...clientExamples.join, participantToken: 'tooshort' });
    refusedClient({ ...clientExamples.join, participantToken: `${TOKEN}=` });
    refusedClient({ ...clientExamples.host, sessionId: '' });
  });

  it('refuses a __proto__ key', () => {
    refusedClient(JSON.parse('{"type":"ping","__proto__":{"t":1}}'));
    refusedClient(JSON.parse('{"type":"join","v":1,"code":"12345678","__proto__":{"participantToken":"x"}}'));
  });

  it('refuses NaN and Infinity in ping.t', () => {
    refusedClient({ type: 'ping', t: Number.NaN });
    refusedClient({ type: 'ping', t: Number.POSITIVE_INFINITY });
    refusedClient(JSON.parse('{"type":"ping","t":1e999}'));
    refusedClient(JSON.parse('{"type":"ping","t":-1e999}'));
  });

  it('refuses huge strings', () => {
    const huge = 'x'.repeat(100_000);
    refusedClient({ ...clientExamples.host, sessionId: huge });
    refusedClient({ ...clientExamples.goto, slideId: huge });
    refusedClient({ ...clientExamples.answerOpen, answer: { kind: 'open', text: huge } });
    refusedClient({ ...clientExamples.answerWords, answer: { kind: 'wordcloud', entries: [huge] } });
    refusedClient({ ...clientExamples.ask, text: huge });
    refusedClient({ ...clientExamples.askSigned, name: huge });
    refusedClient({ ...clientExamples.answerChoice, answer: { kind: 'choice', optionIds: [huge] } });
  });

  it('refuses a pace other than the presenter’s or the audience’s, and an end that is not a time', () => {
    refusedClient({ type: 'set-pace', pace: 'self' });
    refusedClient({ type: 'set-pace' });
    for (const openUntil of ['2026-12-17', 'tomorrow', '2026-13-01T00:00:00Z', '2026-12-17T10:00:00', 1765000000000, '']) {
      refusedClient({ ...clientExamples.paceAudience, openUntil });
    }
  });

  it('refuses a view of no slide and a follow that is not on or off', () => {
    refusedClient({ type: 'view' });
    refusedClient({ type: 'view', slideId: null });
    refusedClient({ type: 'view', slideId: 'no such/slide' });
    refusedClient({ type: 'follow', on: 'yes' });
    refusedClient({ type: 'follow' });
  });

  it('refuses a bad slide id in an answer', () => {
    refusedClient({ ...clientExamples.answerChoice, slideId: 'no such/slide' });
    refusedClient({ ...clientExamples.answerChoice, slideId: '' });
  });
});

describe('serverMessageSchema', () => {
  it.each(Object.entries(serverExamples))('parses a valid %s', (_name, message) => {
    expect(serverMessageSchema.parse(message)).toEqual(message);
  });

  it('refuses an unknown type and extra fields', () => {
    refusedServer({ type: 'kick' });
    for (const message of Object.values(serverExamples)) refusedServer({ ...message, extra: 1 });
    refusedServer({ ...serverExamples.state, state: { ...state, notesForHost: 'x' } });
  });

  it('refuses an unknown error code', () => {
    refusedServer({ ...serverExamples.error, code: 'teapot' });
  });

  it('refuses bad state fields', () => {
    refusedServer({ ...serverExamples.state, state: { ...state, seq: -1 } });
    refusedServer({ ...serverExamples.state, state: { ...state, seq: 1.5 } });
    refusedServer({ ...serverExamples.state, state: { ...state, status: 'paused' } });
    refusedServer({ ...serverExamples.state, state: { ...state, code: '1234' } });
    const { votingOpen: _omitted, ...withoutVoting } = state;
    refusedServer({ ...serverExamples.state, state: withoutVoting });
    const { pace: _pace, ...withoutPace } = state;
    refusedServer({ ...serverExamples.state, state: withoutPace });
    refusedServer({ ...serverExamples.state, state: { ...state, pace: 'self' } });
    refusedServer({ ...serverExamples.state, state: { ...state, openUntil: 'next week' } });
  });

  it('refuses a welcome with a bad role or answers of an unknown kind', () => {
    refusedServer({ ...serverExamples.welcomeAudience, role: 'admin' });
    refusedServer({ ...serverExamples.welcomeAudience, answers: { role: { kind: 'rating' } } });
  });

  it('refuses a deck slide without its voting, round or reveal', () => {
    const [first] = serverExamples.deck.slides;
    const { round: _round, ...withoutRound } = first;
    refusedServer({ type: 'deck', slides: [withoutRound] });
    refusedServer({ type: 'deck', slides: [{ ...first, round: -1 }] });
    refusedServer({ type: 'deck', slides: [{ ...first, resultsShown: 'yes' }] });
    refusedServer({ type: 'deck' });
  });

  it('refuses negative counts in results and presence', () => {
    refusedServer({ type: 'presence', participants: -1 });
    refusedServer({
      type: 'results',
      results: { kind: 'choice', slideId: 'role', respondents: 1, counts: [{ optionId: 'a', count: -1 }] },
    });
  });
});

describe('join codes', () => {
  it('formatJoinCode groups 4 + 4 digits', () => {
    expect(formatJoinCode('12345678')).toBe('1234 5678');
    expect(formatJoinCode('00001234')).toBe('0000 1234');
  });

  it.each([
    ['12345678', '12345678'],
    ['1234 5678', '12345678'],
    ['  1234  5678 ', '12345678'],
    ['1234-5678', '12345678'],
    ['12-34-56-78', '12345678'],
    ['http://host/12345678', '12345678'],
    ['https://ettor.example.org/1234 5678', '12345678'],
    ['ettor.example.org/00000001', '00000001'],
    ['https://ettor.example.org/12345678/', '12345678'],
    ['https://ettor.example.org/12345678?utm_source=qr#top', '12345678'],
  ])('parseJoinCode(%j) is %j', (input, code) => {
    expect(parseJoinCode(input)).toBe(code);
  });

  it.each(['', 'hello', '1234567', '123456789', '1234 567a', 'http://host/', 'http://host/abc', '١٢٣٤٥٦٧٨', '1234_5678'])(
    'parseJoinCode(%j) is null',
    (input) => {
      expect(parseJoinCode(input)).toBeNull();
    },
  );

  it('parseJoinCode round-trips formatJoinCode', () => {
    expect(parseJoinCode(formatJoinCode('98765432'))).toBe('98765432');
  });
});

describe('HTTP bodies', () => {
  it('signupBodySchema lowercases and trims the email and trims the name', () => {
    expect(signupBodySchema.parse({ email: '  Anna.Berg@Example.COM ', password: 'correct horse', name: '  Anna ' })).toEqual({
      email: 'anna.berg@example.com',
      password: 'correct horse',
      name: 'Anna',
    });
  });

  it('signupBodySchema refuses a short password, a bad email, an empty name, extra fields', () => {
    const good = { email: 'a@example.com', password: '0123456789', name: 'A' };
    expect(signupBodySchema.safeParse(good).success).toBe(true);
    expect(signupBodySchema.safeParse({ ...good, password: '012345678' }).success).toBe(false);
    expect(signupBodySchema.safeParse({ ...good, email: 'not-an-email' }).success).toBe(false);
    expect(signupBodySchema.safeParse({ ...good, name: '   ' }).success).toBe(false);
    expect(signupBodySchema.safeParse({ ...good, isAdmin: true }).success).toBe(false);
  });

  it('loginBodySchema normalises the email too and needs a password', () => {
    expect(loginBodySchema.parse({ email: ' B@EXAMPLE.com', password: 'x' }).email).toBe('b@example.com');
    expect(loginBodySchema.safeParse({ email: 'b@example.com', password: '' }).success).toBe(false);
  });

  it('reorderSlidesBodySchema takes a list of slide ids', () => {
    expect(reorderSlidesBodySchema.parse({ slideIds: ['b', 'a'] })).toEqual({ slideIds: ['b', 'a'] });
    expect(reorderSlidesBodySchema.safeParse({ slideIds: [] }).success).toBe(true);
    expect(reorderSlidesBodySchema.safeParse({ slideIds: ['a b'] }).success).toBe(false);
    expect(reorderSlidesBodySchema.safeParse({ slideIds: 'a,b' }).success).toBe(false);
    expect(reorderSlidesBodySchema.safeParse({ slideIds: Array.from({ length: 201 }, (_, i) => `s${i}`) }).success).toBe(false);
    expect(reorderSlidesBodySchema.safeParse({ slideIds: ['a'], extra: 1 }).success).toBe(false);
  });

  it('createSlideBodySchema takes a kind and an optional place', () => {
    expect(createSlideBodySchema.parse({ kind: 'open' })).toEqual({ kind: 'open' });
    expect(createSlideBodySchema.parse({ kind: 'choice', afterSlideId: 'intro' })).toEqual({ kind: 'choice', afterSlideId: 'intro' });
    expect(createSlideBodySchema.parse({ kind: 'content', afterSlideId: null })).toEqual({ kind: 'content', afterSlideId: null });
    expect(createSlideBodySchema.safeParse({ kind: 'poll' }).success).toBe(false);
    expect(createSlideBodySchema.safeParse({}).success).toBe(false);
    expect(createSlideBodySchema.safeParse({ kind: 'open', afterSlideId: 'bad id' }).success).toBe(false);
  });
});

describe('errors', () => {
  it('every code has an HTTP status', () => {
    for (const code of ERROR_CODES) expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
    expect(Object.keys(ERROR_STATUS).sort()).toEqual([...ERROR_CODES].sort());
  });

  it('errorBodySchema is { error: { code, message } }', () => {
    expect(errorBodySchema.safeParse({ error: { code: 'not_found', message: 'x' } }).success).toBe(true);
    expect(errorBodySchema.safeParse({ error: { code: 'nope', message: 'x' } }).success).toBe(false);
    expect(errorBodySchema.safeParse({ code: 'not_found', message: 'x' }).success).toBe(false);
  });

  it('describeZodError names the first offending field', () => {
    const result = clientMessageSchema.safeParse({ type: 'join', v: 1, code: '123' });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toMatch(/^code: /);
  });
});

describe('deckFileSchema', () => {
  const minimal = { format: 'ettor-deck', version: 1, title: ' My deck ', slides: [] };
  const asset = { id: 'asset-0001', contentType: 'image/png', data: 'iVBORw0KGgo=' };

  it('parses a minimal deck, applying defaults', () => {
    expect(deckFileSchema.parse(minimal)).toEqual({
      format: 'ettor-deck',
      version: 1,
      title: 'My deck',
      anonymityThreshold: 5,
      strictAnonymity: false,
      language: 'sv',
      extendedTime: false,
      filterOffensive: true,
      theme: 'light',
      brandColor: null,
      logoAssetId: null,
      revealResults: 'live',
      slides: [],
      assets: [],
    });
  });

  it('takes strict anonymity as a boolean, off when left out', () => {
    expect(deckFileSchema.parse({ ...minimal, strictAnonymity: true }).strictAnonymity).toBe(true);
    for (const bad of ['true', 1, null]) {
      expect(deckFileSchema.safeParse({ ...minimal, strictAnonymity: bad }).success, String(bad)).toBe(false);
    }
  });

  it('takes an anonymity threshold from 3 up, a whole number', () => {
    expect(deckFileSchema.parse({ ...minimal, anonymityThreshold: 3 }).anonymityThreshold).toBe(3);
    for (const bad of [2, 0, -5, 4.5, 101, '5', null]) {
      expect(deckFileSchema.safeParse({ ...minimal, anonymityThreshold: bad }).success, String(bad)).toBe(false);
    }
  });

  it('parses a deck whose image points at an embedded asset', () => {
    const deck = deckFileSchema.parse({
      ...minimal,
      slides: [
        { id: 'a', kind: 'content', image: { assetId: asset.id } },
        { id: 'b', kind: 'open', question: 'q' },
      ],
      assets: [asset],
    });
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[1]).toMatchObject({ kind: 'open', maxLength: 280 });
  });

  it('refuses duplicate slide ids', () => {
    const result = deckFileSchema.safeParse({
      ...minimal,
      slides: [
        { id: 'a', kind: 'content' },
        { id: 'a', kind: 'open', question: 'q' },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.message === 'duplicate slide id')).toBe(true);
  });

  it('refuses an image that points to a missing asset', () => {
    const result = deckFileSchema.safeParse({
      ...minimal,
      slides: [{ id: 'a', kind: 'content', image: { assetId: 'missing-1' } }],
      assets: [asset],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['slides', 0]);
  });

  it('refuses bad base64 and unsupported image types', () => {
    expect(deckFileSchema.safeParse({ ...minimal, assets: [{ ...asset, data: 'not base64!' }] }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, assets: [{ ...asset, data: 'data:image/png;base64,AAAA' }] }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, assets: [{ ...asset, contentType: 'image/svg+xml' }] }).success).toBe(false);
  });

  it('refuses another format or version, an empty title and unknown keys', () => {
    expect(deckFileSchema.safeParse({ ...minimal, format: 'mentimeter' }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, version: 2 }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, title: '   ' }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, colour: 'dark' }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, theme: 'neon' }).success).toBe(false);
    expect(deckFileSchema.safeParse({ ...minimal, logoAssetId: 'logo-not-in-file' }).success).toBe(false);
  });
});
