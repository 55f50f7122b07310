import { isDeepStrictEqual } from 'node:util';
import {
  type Answer,
  type ChoiceSlide,
  type ErrorCode,
  type OpenSlide,
  type Presentation,
  type Results,
  type ScaleSlide,
  type ServerMessage,
  type SessionInfo,
  type SessionState,
  type Slide,
  type WordCloudSlide,
  answerSchema,
  checkAnswer,
  summariseRatings,
  wordKey,
} from '@ettor/protocol';
import { wordGroupKey } from '@ettor/protocol/words';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CONTEXT, type StoredAnswer, tally } from '../responses/tally.js';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { LiveClient } from '../test/live-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

/**
 * A model-based test of the live protocol. fast-check generates random interleavings of phones joining,
 * answering (valid and invalid), retrying with the same clientId, changing answers, reconnecting, and the
 * presenter locking, resetting, moderating and moving between slides, with the odd server restart. A pure
 * reference model predicts every reply; after every step the host's live results, the stored rows and the
 * server's own tally() over them must all equal the model.
 *
 * Upvotes are not modelled: they do not exist yet (Q&A is a later issue).
 *
 * Reproduce a failure with the seed (and path) fast-check prints:
 *   ETTOR_MODEL_SEED=<seed> [ETTOR_MODEL_PATH=<path>] npx vitest run --project server server/src/reliability/model.test.ts
 * ETTOR_MODEL_RUNS=<n> changes the number of runs; ETTOR_MODEL_SHRINK=1 lets fast-check shrink a failure
 * (slow: every shrink step replays a whole session against the server).
 */

// ---------------------------------------------------------------------------------------------
// The deck: every model run starts a fresh session of it.

type QuestionKey = 'single' | 'multi' | 'fixed' | 'words' | 'open' | 'scale';
/** `missing` is a slide id the deck does not have. */
type SlideKey = QuestionKey | 'content' | 'missing';
const QUESTION_KEYS: readonly QuestionKey[] = ['single', 'multi', 'fixed', 'words', 'open', 'scale'];
const MISSING_SLIDE_ID = 'no-such-slide';
const MAX_PHONES = 6;
const MAX_RESTARTS_PER_RUN = 1;
/** Every wait is bounded; nothing asserts how fast anything is. */
const WAIT_MS = 5_000;

interface Deck {
  content: Slide;
  single: ChoiceSlide;
  multi: ChoiceSlide;
  fixed: ChoiceSlide;
  words: WordCloudSlide;
  open: OpenSlide;
  scale: ScaleSlide;
}
const isQuestionKey = (key: SlideKey): key is QuestionKey => (QUESTION_KEYS as readonly string[]).includes(key);

// ---------------------------------------------------------------------------------------------
// Vocabularies: small, so that answers collide, merge and repeat.

const CHOICE_IDS = ['a', 'b', 'c', 'd', 'zz'];
const FAMILY = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
/** Word-cloud entries, valid and not (maxEntries 2, maxLength 12): case, whitespace and NFC/NFD variants. */
const VALID_WORDS = [
  'Mod',
  'mod',
  'MOD',
  '  mod ',
  'Tillit',
  'tillit',
  '\u00E5r',
  'a\u030Ar',
  '\u00C5r',
  '\u00C4rlighet',
  '\u00E4rlighet',
  'Ledarskap',
  'ledar  skap',
  'Ledar skap',
  FAMILY,
];
const ANY_WORDS = [...VALID_WORDS, 'x'.repeat(13), '   ', ' \t ', '\uD800x'];
/** Open answers, valid and not (maxLength 40). */
const VALID_TEXTS = [
  'Bra möte',
  '  Bra möte  ',
  'Mer fika!',
  'mer   fika',
  'a\u030A och \u00E5',
  'שלום עליכם',
  `${FAMILY} familj`,
  'y'.repeat(40),
];
const ANY_TEXTS = [...VALID_TEXTS, '   ', ' \n\t ', 'x'.repeat(41), `${'å'.repeat(20)}${FAMILY.repeat(21)}`, '\uD800 trasig'];
/** Scale ratings, valid and not (statements s1–s3, steps 4, "don't know" allowed): out of range, fractional, unknown. */
const STATEMENT_IDS = ['s1', 's2', 's3', 'zz'];
const ANY_VALUES = [null, 1, 2, 3, 4, 0, 5, -1, 2.5];

/** An answer of each kind, valid or not; `other` sends one of another kind than the slide's. */
interface RawAnswers {
  choice: Answer;
  words: Answer;
  open: Answer;
  scale: Answer;
  other: boolean;
}
const ratingArb = fc.record({ statementId: fc.constantFrom(...STATEMENT_IDS), value: fc.constantFrom(...ANY_VALUES) });
const rawAnswersArb: fc.Arbitrary<RawAnswers> = fc.record({
  choice: fc
    .array(fc.constantFrom(...CHOICE_IDS), { minLength: 1, maxLength: 4 })
    .map((optionIds): Answer => ({ kind: 'choice', optionIds })),
  // Up to 4 entries: a fourth breaks the message schema itself.
  words: fc.array(fc.constantFrom(...ANY_WORDS), { minLength: 1, maxLength: 4 }).map((entries): Answer => ({ kind: 'wordcloud', entries })),
  open: fc.constantFrom(...ANY_TEXTS).map((text): Answer => ({ kind: 'open', text })),
  // Mostly one rating per statement id; sometimes up to 9 with repeats, a ninth breaking the message schema itself.
  scale: fc
    .oneof(
      { weight: 4, arbitrary: fc.uniqueArray(ratingArb, { maxLength: STATEMENT_IDS.length, selector: (rating) => rating.statementId }) },
      { weight: 1, arbitrary: fc.array(ratingArb, { maxLength: 9 }) },
    )
    .map((ratings): Answer => ({ kind: 'scale', ratings })),
  other: fc.nat({ max: 4 }).map((n) => n === 0),
});
function rawAnswer(raw: RawAnswers, key: SlideKey): Answer {
  if (key === 'words') return raw.other ? raw.open : raw.words;
  if (key === 'open') return raw.other ? raw.scale : raw.open;
  if (key === 'scale') return raw.other ? raw.choice : raw.scale;
  return raw.other ? raw.words : raw.choice;
}

/** A valid answer for a question slide (as the phone would send it), derived from a number. */
function validAnswer(deck: Deck, key: SlideKey, seed: number): Answer {
  switch (key) {
    case 'single':
    case 'fixed':
      return { kind: 'choice', optionIds: [deck[key].options[seed % deck[key].options.length]!.id] };
    case 'multi': {
      const ids = deck.multi.options.map((o) => o.id);
      const mask = (seed % ((1 << ids.length) - 1)) + 1;
      const picked = ids.filter((_, i) => mask & (1 << i));
      // Sent in any order; stored in slide order.
      return { kind: 'choice', optionIds: seed & 64 ? picked.reverse() : picked };
    }
    case 'words': {
      const entries: string[] = [];
      const wanted = 1 + (seed % deck.words.maxEntries);
      for (let i = 0; entries.length < wanted && i < VALID_WORDS.length; i += 1) {
        const word = VALID_WORDS[(Math.floor(seed / 2) + i * 7) % VALID_WORDS.length]!;
        if (!entries.some((e) => wordKey(e) === wordKey(word))) entries.push(word);
      }
      return { kind: 'wordcloud', entries };
    }
    case 'open':
      return { kind: 'open', text: VALID_TEXTS[seed % VALID_TEXTS.length]! };
    case 'scale': {
      const { statements, steps } = deck.scale;
      const mask = (seed % ((1 << statements.length) - 1)) + 1;
      // Each rated statement gets a step, or "don't know" for about one in steps + 1.
      const ratings = statements.flatMap(({ id }, i) => {
        const step = Math.floor(seed / (i + 2)) % (steps + 1);
        return mask & (1 << i) ? [{ statementId: id, value: step === 0 ? null : step }] : [];
      });
      // Sent in any order; stored in slide order.
      return { kind: 'scale', ratings: seed & 64 ? ratings.reverse() : ratings };
    }
    default:
      return { kind: 'choice', optionIds: ['a'] };
  }
}

// ---------------------------------------------------------------------------------------------
// Commands. Numbers pick a phone, slide or earlier answer modulo what exists when the command runs.

type Command =
  | { t: 'join' }
  | { t: 'answer'; phone: number; slide: SlideKey; valid: boolean; seed: number; raw: RawAnswers }
  | { t: 'retry'; pick: number; otherSlide: boolean; otherBody: boolean; seed: number }
  | { t: 'change'; phone: number; pick: number; slide: QuestionKey; seed: number }
  | { t: 'voting'; slide: SlideKey; open: boolean }
  | { t: 'reset'; slide: SlideKey }
  | { t: 'reconnect'; phone: number }
  | { t: 'hide-answer'; pick: number; hidden: boolean; bogus: boolean }
  | { t: 'hide-word'; slide: SlideKey; pick: number; variant: number; hidden: boolean }
  | { t: 'goto'; slide: SlideKey }
  | { t: 'restart' };

const questionArb = fc.constantFrom<QuestionKey>(...QUESTION_KEYS);
const slideArb: fc.Arbitrary<SlideKey> = fc.oneof(
  { weight: 10, arbitrary: questionArb },
  { weight: 1, arbitrary: fc.constant<SlideKey>('content') },
  { weight: 1, arbitrary: fc.constant<SlideKey>('missing') },
);
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Command>({ t: 'join' }) },
  {
    weight: 20,
    arbitrary: fc
      .record({ phone: fc.nat(), slide: slideArb, valid: fc.nat({ max: 3 }).map((n) => n > 0), seed: fc.nat(), raw: rawAnswersArb })
      .map((c): Command => ({ t: 'answer', ...c })),
  },
  {
    weight: 8,
    arbitrary: fc
      .record({ pick: fc.nat(), otherSlide: fc.nat({ max: 5 }).map((n) => n === 0), otherBody: fc.boolean(), seed: fc.nat() })
      .map((c): Command => ({ t: 'retry', ...c })),
  },
  {
    weight: 10,
    arbitrary: fc
      .record({ phone: fc.nat(), pick: fc.nat(), slide: questionArb, seed: fc.nat() })
      .map((c): Command => ({ t: 'change', ...c })),
  },
  { weight: 6, arbitrary: fc.record({ slide: slideArb, open: fc.boolean() }).map((c): Command => ({ t: 'voting', ...c })) },
  { weight: 4, arbitrary: fc.record({ slide: slideArb }).map((c): Command => ({ t: 'reset', ...c })) },
  { weight: 4, arbitrary: fc.record({ phone: fc.nat() }).map((c): Command => ({ t: 'reconnect', ...c })) },
  {
    weight: 4,
    arbitrary: fc
      .record({ pick: fc.nat(), hidden: fc.nat({ max: 2 }).map((n) => n > 0), bogus: fc.nat({ max: 5 }).map((n) => n === 0) })
      .map((c): Command => ({ t: 'hide-answer', ...c })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        slide: fc.oneof({ weight: 5, arbitrary: fc.constant<SlideKey>('words') }, { weight: 1, arbitrary: slideArb }),
        pick: fc.nat(),
        variant: fc.nat({ max: 2 }),
        hidden: fc.nat({ max: 2 }).map((n) => n > 0),
      })
      .map((c): Command => ({ t: 'hide-word', ...c })),
  },
  { weight: 6, arbitrary: slideArb.map((slide): Command => ({ t: 'goto', slide })) },
  { weight: 1, arbitrary: fc.constant<Command>({ t: 'restart' }) },
);

// ---------------------------------------------------------------------------------------------
// The reference model: pure, no I/O.

/** A participant's answer in a slide's current round. */
interface Held {
  answer: Answer;
  /** The clientId that last wrote it: the stored row's client_id. */
  clientId: string;
  /** Hidden by the presenter (open answers). The row keeps its id, and so its flag, when the answer changes. */
  hidden: boolean;
}

interface SlideModel {
  round: number;
  open: boolean;
  /** Current-round answers by participant (phone index). */
  answers: Map<number, Held>;
  /** Rows ever stored for the slide, all rounds: earlier rounds are kept, not deleted. */
  stored: number;
  /** Hidden word keys; per slide, not per round (they stay hidden after a reset). */
  hiddenWords: Set<string>;
}

interface Model {
  seq: number;
  current: Exclude<SlideKey, 'missing'>;
  slides: Record<QuestionKey, SlideModel>;
  /** (participant, clientId) → the slide and stored answer of the ack. Refusals leave no receipt. */
  receipts: Map<string, { key: SlideKey; answer: Answer }>;
}

type Outcome = { ok: true; answer: Answer; changed: boolean } | { ok: false; code: ErrorCode };
const refuse = (code: ErrorCode): Outcome => ({ ok: false, code });

function newModel(): Model {
  const slide = (): SlideModel => ({ round: 0, open: true, answers: new Map(), stored: 0, hiddenWords: new Set() });
  return {
    seq: 1,
    current: 'content',
    slides: { single: slide(), multi: slide(), fixed: slide(), words: slide(), open: slide(), scale: slide() },
    receipts: new Map(),
  };
}

/** An answer as the server must handle it: receipt, slide, rules, voting, change of answer, commit. */
function submit(model: Model, deck: Deck, phone: number, clientId: string, key: SlideKey, answer: Answer): Outcome {
  // The protocol's own schema and rules: the model predicts what the server does with them, it does not restate them.
  if (!answerSchema.safeParse(answer).success) return refuse('validation_failed');
  const receipt = model.receipts.get(`${phone}|${clientId}`);
  if (receipt) return receipt.key === key ? { ok: true, answer: receipt.answer, changed: false } : refuse('validation_failed');
  if (key === 'missing') return refuse('unknown_slide');
  const checked = checkAnswer(deck[key], answer);
  if (!checked.ok) return refuse(checked.problem.code);
  if (!isQuestionKey(key)) return refuse('not_a_question');
  const slide = model.slides[key];
  if (!slide.open) return refuse('voting_closed');
  const held = slide.answers.get(phone);
  if (held && !deck[key].allowChange) return refuse('already_answered');
  if (held) {
    held.answer = checked.answer;
    held.clientId = clientId;
  } else {
    slide.answers.set(phone, { answer: checked.answer, clientId, hidden: false });
    slide.stored += 1;
  }
  model.receipts.set(`${phone}|${clientId}`, { key, answer: checked.answer });
  return { ok: true, answer: checked.answer, changed: true };
}

const collator = new Intl.Collator('sv', { caseFirst: 'lower' });

/**
 * Results as the model sees them, in the comparable form of `comparable()`: open entries as a sorted
 * multiset of text and hidden flag (their order depends on commit times), word texts in NFC (an NFC and
 * an NFD spelling are equal in collation, so a tie between them may show either; they look the same).
 */
function expectedResults(model: Model, deck: Deck, key: QuestionKey): unknown {
  const slide = deck[key];
  const state = model.slides[key];
  const held = [...state.answers.values()];
  if (slide.kind === 'choice') {
    const counts = slide.options.map((o) => ({
      optionId: o.id,
      count: held.filter((h) => h.answer.kind === 'choice' && h.answer.optionIds.includes(o.id)).length,
    }));
    return { kind: 'choice', slideId: slide.id, respondents: held.length, counts };
  }
  if (slide.kind === 'wordcloud') {
    const words = new Map<string, Map<string, number>>();
    for (const h of held) {
      if (h.answer.kind !== 'wordcloud') continue;
      const keys = new Set<string>();
      for (const entry of h.answer.entries) {
        const key = wordGroupKey(entry, 'sv');
        if (keys.has(key)) continue;
        keys.add(key);
        const spellings = words.get(key) ?? new Map<string, number>();
        spellings.set(entry, (spellings.get(entry) ?? 0) + 1);
        words.set(key, spellings);
      }
    }
    const list = [...words].map(([key, spellings]) => {
      const ranked = [...spellings].sort(([a, n], [b, m]) => m - n || collator.compare(a, b));
      return { key, text: ranked[0]![0].normalize('NFC'), count: [...spellings.values()].reduce((sum, n) => sum + n, 0) };
    });
    list.sort((a, b) => b.count - a.count || collator.compare(a.key, b.key));
    return {
      kind: 'wordcloud',
      slideId: slide.id,
      respondents: held.length,
      words: list.map(({ key: k, text, count }) => ({ text, count, hidden: state.hiddenWords.has(k) })),
    };
  }
  if (slide.kind === 'scale') {
    const ratings = held.flatMap((h) => (h.answer.kind === 'scale' ? h.answer.ratings : []));
    const statements = slide.statements.map(({ id }) => {
      const values = ratings.filter((r) => r.statementId === id).map((r) => r.value);
      const counts = Array.from({ length: slide.steps }, (_, step) => values.filter((v) => v === step + 1).length);
      return { statementId: id, counts, skipped: values.filter((v) => v === null).length, ...summariseRatings(counts), hidden: false };
    });
    return { kind: 'scale', slideId: slide.id, respondents: held.length, statements };
  }
  const entries = held.map((h) => ({ text: h.answer.kind === 'open' ? h.answer.text : '', hidden: h.hidden }));
  return { kind: 'open', slideId: slide.id, respondents: held.length, entries: entries.sort(byTextThenHidden) };
}

const byTextThenHidden = (a: { text: string; hidden: boolean }, b: { text: string; hidden: boolean }) =>
  a.text < b.text ? -1 : a.text > b.text ? 1 : Number(a.hidden) - Number(b.hidden);

/** Word texts in NFC, without the other forms of each word (tally.test.ts checks those); see expectedResults. */
function canonical(results: Results): unknown {
  if (results.kind !== 'wordcloud') return results;
  return { ...results, words: results.words.map(({ forms: _forms, ...word }) => ({ ...word, text: word.text.normalize('NFC') })) };
}

/** The form expectedResults() returns. */
function comparable(results: Results): unknown {
  if (results.kind !== 'open') return canonical(results);
  const c = results;
  return {
    kind: 'open',
    slideId: c.slideId,
    respondents: c.respondents,
    entries: c.entries.map(({ text, hidden }) => ({ text, hidden })).sort(byTextThenHidden),
  };
}

/** A participant's current-round answers by slide id: what welcome.answers must hold. */
function answersOf(model: Model, deck: Deck, phone: number): Record<string, Answer> {
  const answers: Record<string, Answer> = {};
  for (const key of QUESTION_KEYS) {
    const held = model.slides[key].answers.get(phone);
    if (held) answers[deck[key].id] = held.answer;
  }
  return answers;
}

// ---------------------------------------------------------------------------------------------
// The real side.

/** Paces each socket below the server's per-socket rate limit (30 burst, 10/s), so nothing is rate_limited. */
const buckets = new WeakMap<LiveClient, { tokens: number; at: number }>();
async function pace(client: LiveClient): Promise<void> {
  const bucket = buckets.get(client) ?? { tokens: 25, at: Date.now() };
  buckets.set(client, bucket);
  const now = Date.now();
  bucket.tokens = Math.min(25, bucket.tokens + ((now - bucket.at) / 1000) * 8);
  bucket.at = now;
  if (bucket.tokens < 1) {
    await new Promise((resolve) => setTimeout(resolve, ((1 - bucket.tokens) / 8) * 1000 + 5));
    return pace(client);
  }
  bucket.tokens -= 1;
}

const welcomeOf = (client: LiveClient) => {
  const welcome = client.messages.find((m) => m.type === 'welcome');
  if (welcome?.type !== 'welcome') throw new Error('no welcome');
  return welcome;
};

const isResultsOf =
  (slideId: string) =>
  (m: ServerMessage): m is Extract<ServerMessage, { type: 'results' }> =>
    m.type === 'results' && m.results.slideId === slideId;

function lastIndex(messages: readonly ServerMessage[], match: (m: ServerMessage) => boolean): number {
  for (let i = messages.length - 1; i >= 0; i -= 1) if (match(messages[i]!)) return i;
  return -1;
}

interface Phone {
  client: LiveClient;
  token: string;
}

interface Sent {
  phone: number;
  clientId: string;
  key: SlideKey;
  answer: Answer;
}

interface Stats {
  runs: number;
  skippedForTime: number;
  steps: number;
  restarts: number;
  outcomes: Map<string, number>;
}

describe.each(dialects)('reference model of a live session on $name', (dialect) => {
  let server: TestServer;
  let presenter: HttpClient;
  let presentationId: string;
  let deck: Deck;
  const stats: Stats = { runs: 0, skippedForTime: 0, steps: 0, restarts: 0, outcomes: new Map() };
  const count = (what: string) => stats.outcomes.set(what, (stats.outcomes.get(what) ?? 0) + 1);

  beforeAll(async () => {
    if (dialect.skipReason) return;
    server = await startTestServer(dialect);
    presenter = await signedUpClient(server.url);
    const created = await presenter.post('/api/presentations', { title: 'Modellkörning' });
    expect(created.status).toBe(201);
    const presentation = created.body as Presentation;
    presentationId = presentation.id;
    const add = async <S extends Slide>(kind: S['kind'], edit: Record<string, unknown>): Promise<S> => {
      const slide = await presenter.post(`/api/presentations/${presentationId}/slides`, { kind });
      expect(slide.status).toBe(201);
      const saved = await presenter.put(`/api/presentations/${presentationId}/slides/${slide.body.id}`, { ...slide.body, ...edit });
      expect(saved.status, saved.text).toBe(200);
      return saved.body as S;
    };
    const options = (n: number) => ['a', 'b', 'c', 'd'].slice(0, n).map((id) => ({ id, label: id.toUpperCase() }));
    deck = {
      content: presentation.slides[0]!,
      single: await add<ChoiceSlide>('choice', { question: 'En?', options: options(3), allowMultiple: false, allowChange: true }),
      multi: await add<ChoiceSlide>('choice', { question: 'Flera?', options: options(4), allowMultiple: true, allowChange: true }),
      fixed: await add<ChoiceSlide>('choice', { question: 'En gång?', options: options(3), allowMultiple: false, allowChange: false }),
      words: await add<WordCloudSlide>('wordcloud', { question: 'Ord?', maxEntries: 2, maxLength: 12, allowChange: true }),
      open: await add<OpenSlide>('open', { question: 'Fritt?', maxLength: 40, allowChange: true }),
      scale: await add<ScaleSlide>('scale', {
        question: 'Skala?',
        statements: ['s1', 's2', 's3'].map((id) => ({ id, label: id.toUpperCase() })),
        steps: 4,
        allowSkip: true,
        allowChange: true,
      }),
    };
    expect(deck.content.kind).toBe('content');
  });

  afterAll(async () => {
    if (stats.runs > 0) {
      const outcomes = [...stats.outcomes]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `${k}=${n}`)
        .join(' ');
      console.info(
        `model on ${dialect.name}: ${stats.runs} runs (${stats.skippedForTime} skipped for time), ${stats.steps} steps, ${stats.restarts} restarts; ${outcomes}`,
      );
    }
    await server?.stop();
  });

  const idOf = (key: SlideKey) => (key === 'missing' ? MISSING_SLIDE_ID : deck[key].id);

  /** One generated scenario against a fresh session. Throws on the first disagreement with the model. */
  async function scenario(commands: readonly Command[]): Promise<void> {
    const started = await presenter.post(`/api/presentations/${presentationId}/sessions`);
    expect(started.status).toBe(201);
    const session = started.body as SessionInfo;
    const model = newModel();
    const phones: Phone[] = [];
    const sent: Sent[] = [];
    const trace: string[] = [];
    let host = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    let clientIds = 0;
    let pings = 0;
    let restarts = 0;
    const newClientId = () => `cid-${String((clientIds += 1)).padStart(5, '0')}`;

    const expectState = (state: SessionState, who: string) => {
      const current = model.current;
      expect(
        { slideId: state.slide?.id, round: state.round, votingOpen: state.votingOpen, seq: state.seq, status: state.status },
        `${who}: state`,
      ).toEqual({
        slideId: idOf(current),
        round: isQuestionKey(current) ? model.slides[current].round : 0,
        votingOpen: isQuestionKey(current) && model.slides[current].open,
        seq: model.seq,
        status: 'live',
      });
    };

    const joinPhone = async (token?: string): Promise<LiveClient> => {
      const client = await LiveClient.join(server.wsUrl, session.code, token);
      return client;
    };

    /** A phone joins or rejoins: same identity for a known token, and its current-round answers in welcome. */
    const checkWelcome = (index: number) => {
      const phone = phones[index]!;
      const welcome = welcomeOf(phone.client);
      expect(welcome.participantToken, `phone ${index}: token`).toBe(phone.token);
      expect(welcome.answers, `phone ${index}: welcome.answers`).toEqual(answersOf(model, deck, index));
      expectState(welcome.state, `phone ${index} welcome`);
    };

    /** Sends a host message, then a ping; replies come in order, so the pong closes the command's replies. */
    const hostCommand = async (message: Record<string, unknown>, expected: { error?: ErrorCode; state: boolean }) => {
      const mark = host.messages.length;
      await pace(host);
      host.send(message);
      const t = (pings += 1);
      await pace(host);
      host.send({ type: 'ping', t });
      await host.waitFor((m) => m.type === 'pong' && m.t === t, WAIT_MS);
      const replies = host.messages.slice(
        mark,
        lastIndex(host.messages, (m) => m.type === 'pong' && m.t === t),
      );
      const errors = replies.flatMap((m) => (m.type === 'error' ? [m.code] : []));
      expect(errors, `host: errors for ${message.type}`).toEqual(expected.error ? [expected.error] : []);
      const states = replies.flatMap((m) => (m.type === 'state' ? [m.state] : []));
      expect(states.length, `host: states for ${message.type}`).toBe(expected.state ? 1 : 0);
      if (!expected.state) return;
      expectState(states[0]!, 'host');
      // Every phone gets the same state.
      for (const [i, phone] of phones.entries()) {
        const state = await phone.client.waitFor((m) => m.type === 'state' && m.state.seq === model.seq, WAIT_MS);
        if (state.type === 'state') expectState(state.state, `phone ${i}`);
      }
    };

    const answer = async (phone: number, clientId: string, key: SlideKey, body: Answer, pushed: Set<QuestionKey>) => {
      const expected = submit(model, deck, phone, clientId, key, body);
      const reply = await phones[phone]!.client.answer(idOf(key), body, clientId);
      if (expected.ok) {
        expect(reply, `answer ${clientId}`).toEqual({ type: 'ack', clientId, slideId: idOf(key), answer: expected.answer });
        count(expected.changed ? 'ack' : 'ack(retry)');
        if (expected.changed && isQuestionKey(key)) pushed.add(key);
      } else {
        expect(reply, `answer ${clientId}`).toMatchObject({ type: 'error', code: expected.code, clientId });
        count(expected.code);
      }
    };

    /** The live results of a slide settle on the model: the latest the host got, after a push if one is due. */
    const settle = async (key: QuestionKey, pushedAfter: number | undefined): Promise<Results | undefined> => {
      const slideId = idOf(key);
      const matches = isResultsOf(slideId);
      const expected = expectedResults(model, deck, key);
      const deadline = Date.now() + WAIT_MS;
      for (;;) {
        const index = lastIndex(host.messages, matches);
        const latest = index >= 0 ? host.messages[index] : undefined;
        const results = latest?.type === 'results' ? latest.results : undefined;
        if (pushedAfter === undefined && !results) return undefined; // never shown to this host yet
        const fresh = pushedAfter === undefined || index >= pushedAfter;
        if (results && fresh && isDeepStrictEqual(comparable(results), expected)) return results;
        const left = deadline - Date.now();
        if (left <= 0) {
          expect(fresh, `host: a results push for ${key} after the step`).toBe(true);
          expect(results && comparable(results), `host: live results of ${key}`).toEqual(expected);
          throw new Error(`host: live results of ${key} did not settle`);
        }
        await host.nextMatching(matches, left).catch(() => undefined);
      }
    };

    /** After every step: live results, stored rows and the server's tally of them all equal the model. */
    const verify = async (pushed: ReadonlySet<QuestionKey>, mark: number) => {
      const live = new Map<QuestionKey, Results | undefined>();
      for (const key of QUESTION_KEYS) live.set(key, await settle(key, pushed.has(key) ? mark : undefined));

      const db = server.ettor.store.db;
      const [rows, hiddenWords, slideStates, receipts] = await Promise.all([
        db
          .selectFrom('responses')
          .select(['id', 'slide_id', 'round', 'answer', 'client_id', 'updated_at', 'hidden_at'])
          .where('session_id', '=', session.id)
          .execute(),
        db.selectFrom('hidden_words').select(['slide_id', 'word_key']).where('session_id', '=', session.id).execute(),
        db.selectFrom('slide_states').select(['slide_id', 'round', 'closed_at']).where('session_id', '=', session.id).execute(),
        db
          .selectFrom('answer_receipts')
          .innerJoin('participants', 'participants.id', 'answer_receipts.participant_id')
          .where('participants.session_id', '=', session.id)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      expect(Number(receipts.n), 'db: answer receipts').toBe(model.receipts.size);
      for (const key of QUESTION_KEYS) {
        const slide = deck[key];
        const state = model.slides[key];
        const stored = slideStates.find((s) => s.slide_id === slide.id);
        expect({ round: Number(stored?.round ?? 0), closed: (stored?.closed_at ?? null) !== null }, `db: slide state of ${key}`).toEqual({
          round: state.round,
          closed: !state.open,
        });
        const all = rows.filter((r) => r.slide_id === slide.id);
        const current = all.filter((r) => Number(r.round) === state.round);
        expect(all.length, `db: rows of ${key}, all rounds`).toBe(state.stored);
        expect(
          current
            .map((r) => ({ clientId: r.client_id, answer: answerSchema.parse(JSON.parse(r.answer)) }))
            .sort((a, b) => a.clientId.localeCompare(b.clientId)),
          `db: current-round rows of ${key}`,
        ).toEqual(
          [...state.answers.values()]
            .map((h) => ({ clientId: h.clientId, answer: h.answer }))
            .sort((a, b) => a.clientId.localeCompare(b.clientId)),
        );
        const keys = hiddenWords.filter((h) => h.slide_id === slide.id).map((h) => h.word_key);
        expect(keys.sort(), `db: hidden words of ${key}`).toEqual([...state.hiddenWords].sort());
        const storedAnswers: StoredAnswer[] = current.map((r) => ({
          id: r.id,
          answer: answerSchema.parse(JSON.parse(r.answer)),
          updatedAt: r.updated_at,
          hidden: r.hidden_at !== null,
        }));
        const tallied = tally(slide, storedAnswers, { ...NO_CONTEXT, hiddenWords: new Set(keys) });
        expect(comparable(tallied), `db: tally of ${key}`).toEqual(expectedResults(model, deck, key));
        // What the host was pushed is exactly what the store says now, ids and order included.
        const shown = live.get(key);
        if (pushed.has(key) && shown) expect(canonical(shown), `host: results of ${key} against the store`).toEqual(canonical(tallied));
      }
    };

    const reconnect = async (index: number) => {
      const phone = phones[index]!;
      phone.client.close();
      await phone.client.closed(WAIT_MS);
      phone.client = await joinPhone(phone.token);
      checkWelcome(index);
    };

    const step = async (command: Command, pushed: Set<QuestionKey>): Promise<string> => {
      if (phones.length === 0 && command.t !== 'join' && command.t !== 'restart') {
        await step({ t: 'join' }, pushed);
      }
      switch (command.t) {
        case 'join': {
          if (phones.length >= MAX_PHONES) return 'join: room full, skipped';
          const client = await joinPhone();
          const welcome = welcomeOf(client);
          phones.push({ client, token: welcome.participantToken ?? '' });
          checkWelcome(phones.length - 1);
          return `join → phone ${phones.length - 1}`;
        }
        case 'answer': {
          const phone = command.phone % phones.length;
          const body = command.valid ? validAnswer(deck, command.slide, command.seed) : rawAnswer(command.raw, command.slide);
          const clientId = newClientId();
          sent.push({ phone, clientId, key: command.slide, answer: body });
          await answer(phone, clientId, command.slide, body, pushed);
          return `phone ${phone} answers ${command.slide} ${clientId} ${JSON.stringify(body)}`;
        }
        case 'retry': {
          if (sent.length === 0) return 'retry: nothing sent yet, skipped';
          const earlier = sent[command.pick % sent.length]!;
          const key = command.otherSlide
            ? QUESTION_KEYS[(QUESTION_KEYS.indexOf(earlier.key as QuestionKey) + 1) % QUESTION_KEYS.length]!
            : earlier.key;
          const body = command.otherBody ? validAnswer(deck, key, command.seed) : earlier.answer;
          await answer(earlier.phone, earlier.clientId, key, body, pushed);
          return `phone ${earlier.phone} retries ${earlier.clientId} on ${key} ${JSON.stringify(body)}`;
        }
        case 'change': {
          const phone = command.phone % phones.length;
          const answered = QUESTION_KEYS.filter((key) => model.slides[key].answers.has(phone));
          const key = answered.length > 0 ? answered[command.pick % answered.length]! : command.slide;
          const body = validAnswer(deck, key, command.seed);
          const clientId = newClientId();
          sent.push({ phone, clientId, key, answer: body });
          await answer(phone, clientId, key, body, pushed);
          return `phone ${phone} changes ${key} ${clientId} ${JSON.stringify(body)}`;
        }
        case 'voting': {
          const { slide: key, open } = command;
          if (key === 'missing' || key === 'content') {
            await hostCommand(
              { type: 'set-voting', slideId: idOf(key), open },
              { error: key === 'missing' ? 'unknown_slide' : 'not_a_question', state: false },
            );
            return `set-voting ${key}: refused`;
          }
          model.slides[key].open = open;
          model.seq += 1;
          await hostCommand({ type: 'set-voting', slideId: idOf(key), open }, { state: true });
          if (isQuestionKey(model.current)) pushed.add(model.current);
          return `set-voting ${key} ${open ? 'open' : 'closed'}`;
        }
        case 'reset': {
          const key = command.slide;
          if (key === 'missing' || key === 'content') {
            await hostCommand(
              { type: 'reset-results', slideId: idOf(key) },
              { error: key === 'missing' ? 'unknown_slide' : 'not_a_question', state: false },
            );
            return `reset ${key}: refused`;
          }
          const slide = model.slides[key];
          slide.round += 1;
          slide.open = true;
          slide.answers.clear();
          model.seq += 1;
          await hostCommand({ type: 'reset-results', slideId: idOf(key) }, { state: true });
          pushed.add(key);
          if (isQuestionKey(model.current)) pushed.add(model.current);
          return `reset ${key} → round ${slide.round}`;
        }
        case 'reconnect': {
          const index = command.phone % phones.length;
          await reconnect(index);
          return `phone ${index} reconnects`;
        }
        case 'hide-answer': {
          const open = model.slides.open;
          const candidates = [...open.answers.values()];
          if (command.bogus || candidates.length === 0) {
            await hostCommand(
              { type: 'hide-answer', slideId: idOf('open'), answerId: 'no-such-answer-1', hidden: command.hidden },
              { error: 'not_found', state: false },
            );
            count('hide-answer(not_found)');
            return 'hide-answer of an unknown id: refused';
          }
          const held = candidates[command.pick % candidates.length]!;
          const row = await server.ettor.store.db
            .selectFrom('responses')
            .select('id')
            .where('session_id', '=', session.id)
            .where('slide_id', '=', idOf('open'))
            .where('round', '=', open.round)
            .where('client_id', '=', held.clientId)
            .executeTakeFirstOrThrow();
          held.hidden = command.hidden;
          await hostCommand({ type: 'hide-answer', slideId: idOf('open'), answerId: row.id, hidden: command.hidden }, { state: false });
          pushed.add('open');
          count('hide-answer');
          return `${command.hidden ? 'hide' : 'show'} open answer ${held.clientId}`;
        }
        case 'hide-word': {
          const present = [...model.slides.words.answers.values()].flatMap((h) => (h.answer.kind === 'wordcloud' ? h.answer.entries : []));
          const pool = [...present, ...VALID_WORDS];
          const base = pool[command.pick % pool.length]!;
          const word = command.variant === 1 ? base.toLocaleUpperCase('sv') : command.variant === 2 ? ` ${base}  ` : base;
          const key = command.slide;
          if (key !== 'words') {
            await hostCommand(
              { type: 'hide-word', slideId: idOf(key), word, hidden: command.hidden },
              { error: key === 'missing' ? 'unknown_slide' : 'wrong_answer_kind', state: false },
            );
            return `hide-word on ${key}: refused`;
          }
          if (command.hidden) model.slides.words.hiddenWords.add(wordGroupKey(word, 'sv'));
          else model.slides.words.hiddenWords.delete(wordGroupKey(word, 'sv'));
          await hostCommand({ type: 'hide-word', slideId: idOf('words'), word, hidden: command.hidden }, { state: false });
          pushed.add('words');
          count('hide-word');
          return `${command.hidden ? 'hide' : 'show'} word ${JSON.stringify(word)}`;
        }
        case 'goto': {
          const key = command.slide;
          if (key === 'missing') {
            await hostCommand({ type: 'goto', slideId: MISSING_SLIDE_ID }, { error: 'unknown_slide', state: false });
            return 'goto missing: refused';
          }
          model.current = key;
          model.seq += 1;
          await hostCommand({ type: 'goto', slideId: idOf(key) }, { state: true });
          if (isQuestionKey(key)) pushed.add(key);
          return `goto ${key}`;
        }
        case 'restart': {
          if (restarts >= MAX_RESTARTS_PER_RUN) return 'restart: already restarted this run, skipped';
          restarts += 1;
          stats.restarts += 1;
          await server.restart();
          host = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
          expectState(welcomeOf(host).state, 'host welcome after restart');
          for (const [index, phone] of phones.entries()) {
            phone.client = await joinPhone(phone.token);
            checkWelcome(index);
          }
          if (isQuestionKey(model.current)) pushed.add(model.current);
          return 'restart, everyone reconnects';
        }
      }
    };

    try {
      expectState(welcomeOf(host).state, 'host welcome');
      // The run's commands, then a sweep that shows every question, so each slide's results reach the host.
      const sweep = QUESTION_KEYS.map((slide): Command => ({ t: 'goto', slide }));
      for (const [i, command] of [...commands, ...sweep].entries()) {
        const hostBefore = host;
        const mark = host.messages.length;
        const pushed = new Set<QuestionKey>();
        try {
          trace.push(`${i + 1}. ${await step(command, pushed)}`);
          await verify(pushed, host === hostBefore ? mark : 0);
        } catch (error) {
          if (error instanceof Error) {
            error.message = `step ${i + 1} (${JSON.stringify(command)}) on ${dialect.name}: ${error.message}\nsteps so far:\n${trace.slice(-25).join('\n')}`;
          }
          throw error;
        }
        stats.steps += 1;
      }
    } finally {
      await presenter.post(`/api/sessions/${session.id}/end`).catch(() => undefined);
      host.close();
      for (const phone of phones) phone.client.close();
    }
  }

  const envNumber = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
  const numRuns = envNumber('ETTOR_MODEL_RUNS') ?? (dialect.name === 'sqlite' ? 20 : 8);
  /** Past this, remaining runs pass without running, so a slow machine stays within the file's budget. */
  const budgetMs = dialect.name === 'sqlite' ? 45_000 : 25_000;

  it.skipIf(dialect.skipReason)(
    'answers, retries, changes, locks, resets, moderation, reconnects and restarts all agree with the model',
    async () => {
      const deadline = Date.now() + budgetMs;
      const seed = envNumber('ETTOR_MODEL_SEED');
      const path = process.env.ETTOR_MODEL_PATH;
      await fc.assert(
        fc.asyncProperty(fc.array(commandArb, { minLength: 30, maxLength: 50 }), async (commands) => {
          if (seed === undefined && Date.now() > deadline) {
            stats.skippedForTime += 1;
            return;
          }
          stats.runs += 1;
          await scenario(commands);
        }),
        {
          numRuns,
          ...(seed === undefined ? {} : { seed }),
          ...(path === undefined ? {} : { path }),
          endOnFailure: process.env.ETTOR_MODEL_SHRINK !== '1',
        },
      );
    },
    240_000,
  );

  it.skipIf(dialect.skipReason)('reset-results reopens voting on a closed question for the new round', async () => {
    const session = (await presenter.post(`/api/presentations/${presentationId}/sessions`)).body as SessionInfo;
    const host = await LiveClient.host(server.wsUrl, session.id, presenter.cookieHeader);
    const phone = await LiveClient.join(server.wsUrl, session.code);
    try {
      host.send({ type: 'goto', slideId: deck.single.id });
      host.send({ type: 'set-voting', slideId: deck.single.id, open: false });
      await phone.waitFor((m) => m.type === 'state' && m.state.seq === 3, WAIT_MS);
      expect(await phone.answer(deck.single.id, { kind: 'choice', optionIds: ['a'] }, 'closed-0001')).toMatchObject({
        code: 'voting_closed',
      });

      host.send({ type: 'reset-results', slideId: deck.single.id });
      const reset = await phone.waitFor((m) => m.type === 'state' && m.state.seq === 4, WAIT_MS);
      expect(reset).toMatchObject({ state: { slide: { id: deck.single.id }, round: 1, votingOpen: true } });
      expect(await phone.answer(deck.single.id, { kind: 'choice', optionIds: ['a'] }, 'reopened-01')).toMatchObject({ type: 'ack' });
    } finally {
      await presenter.post(`/api/sessions/${session.id}/end`);
      host.close();
      phone.close();
    }
  });
});
