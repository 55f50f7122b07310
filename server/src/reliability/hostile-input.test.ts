import { randomBytes } from 'node:crypto';
import net from 'node:net';
import zlib from 'node:zlib';
import {
  CHOICE_LIMITS,
  type ChoiceSlide,
  type DeckFile,
  ERROR_CODES,
  ERROR_STATUS,
  type ErrorCode,
  LIMITS,
  MAX_CLIENT_FRAME_BYTES,
  MAX_FRAMES_BEFORE_JOIN,
  OPEN_LIMITS,
  PROTOCOL_VERSION,
  type Presentation,
  SCALE_LIMITS,
  type ScaleSlide,
  type ServerMessage,
  type SessionInfo,
  type Slide,
  WORDCLOUD_LIMITS,
  type WordCloudSlide,
  clientMessageSchema,
  createPresentationBodySchema,
  createSlideBodySchema,
  deckFileSchema,
  errorBodySchema,
  loginBodySchema,
  reorderSlidesBodySchema,
  serverMessageSchema,
  settingsPatchSchema,
  signupBodySchema,
  slideSchema,
  updatePresentationBodySchema,
} from '@ettor/protocol';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type HttpClient, signedUpClient } from '../test/http-client.js';
import { dialects } from '../test/services.js';
import { type TestServer, startTestServer } from '../test/test-server.js';

/**
 * Bad input never hurts: hostile live frames and HTTP bodies, generated with fast-check, each get one
 * typed refusal, leave the database exactly as it was and leave the socket usable. Plus the frame size
 * limit, and a client that stops reading being dropped without costing anyone else a state.
 */

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const j = (value: unknown): string => JSON.stringify(value);
const preview = (frame: string | Buffer) => `${JSON.stringify(frame.toString().slice(0, 160))} (${Buffer.byteLength(frame)} bytes)`;
const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
const OBJECT_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

// ---------------------------------------------------------------------------------------------
// A scripted socket that keeps replies (error, pong, ack, welcome) apart from broadcasts, and paces
// itself below the server's per-socket rate limit (30 burst, 10/s) so refusals are not rate_limited.

const REPLY_TYPES: ReadonlySet<string> = new Set(['error', 'pong', 'ack', 'welcome']);
const CLIENT_BURST = 25;
const CLIENT_RATE_PER_SECOND = 8;

class Probe {
  /** Replies not yet taken by `exchange`, in arrival order. */
  readonly inbox: ServerMessage[] = [];
  /** The seq of every `state` received, in order. */
  readonly seqs: number[] = [];
  welcomeSeq: number | undefined;
  presence: number | undefined;
  /** Server messages that failed the protocol's own schema. */
  readonly malformed: string[] = [];
  closeCode: number | undefined;
  readonly openedAt = Date.now();
  framesSent = 0;
  private tokens = CLIENT_BURST;
  private refilledAt = Date.now();
  private readonly listeners = new Set<() => void>();
  private static markers = 0;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      let message: ServerMessage;
      try {
        message = serverMessageSchema.parse(JSON.parse(text));
      } catch {
        this.malformed.push(text.slice(0, 300));
        this.notify();
        return;
      }
      if (REPLY_TYPES.has(message.type)) this.inbox.push(message);
      if (message.type === 'welcome') this.welcomeSeq = message.state.seq;
      else if (message.type === 'state') this.seqs.push(message.state.seq);
      else if (message.type === 'presence') this.presence = message.participants;
      this.notify();
    });
    ws.on('close', (code) => {
      this.closeCode = code;
      this.notify();
    });
    // A refused oversized frame can fail our own write; the close code tells the story.
    ws.on('error', () => undefined);
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<Probe> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers });
      const timer = setTimeout(() => {
        ws.terminate();
        reject(new Error('socket did not open within 10 s'));
      }, 10_000);
      ws.once('open', () => {
        clearTimeout(timer);
        resolve(new Probe(ws));
      });
      ws.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  static async phone(url: string, code: string): Promise<Probe> {
    const probe = await Probe.open(url);
    await probe.send(j({ type: 'join', v: PROTOCOL_VERSION, code }));
    await probe.until(() => probe.inbox.some((m) => m.type === 'welcome'), 'welcome');
    probe.inbox.length = 0;
    return probe;
  }

  static async host(url: string, sessionId: string, cookie: string): Promise<Probe> {
    const probe = await Probe.open(url, { cookie });
    await probe.send(j({ type: 'host', v: PROTOCOL_VERSION, sessionId }));
    await probe.until(() => probe.inbox.some((m) => m.type === 'welcome'), 'welcome');
    probe.inbox.length = 0;
    return probe;
  }

  get isOpen(): boolean {
    return this.closeCode === undefined && this.ws.readyState === WebSocket.OPEN;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Waits until a condition holds, re-checking on every message and on close; fails after a bound. */
  until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      const check = () => {
        if (!condition()) return;
        done();
        resolve();
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for ${what}; last replies ${j(this.inbox.slice(-3))}, close code ${this.closeCode}`));
      }, timeoutMs);
      this.listeners.add(check);
    });
  }

  /** A token bucket kept slower than the server's, so pacing, not the server, limits the rate. */
  private async pace(): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt += 1) {
      const now = Date.now();
      this.tokens = Math.min(CLIENT_BURST, this.tokens + ((now - this.refilledAt) / 1000) * CLIENT_RATE_PER_SECOND);
      this.refilledAt = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / CLIENT_RATE_PER_SECOND) * 1000) + 5);
    }
    throw new Error('pacing never freed a token');
  }

  async send(data: string | Buffer, binary = false): Promise<void> {
    await this.pace();
    this.framesSent += 1;
    this.ws.send(data, { binary });
  }

  /** Sends one frame and then a ping; returns every reply the frame got, in order (the ping's pong excluded). */
  async exchange(frame: string | Buffer, binary = false): Promise<ServerMessage[]> {
    expect(this.inbox, 'no reply arrived that nobody asked for').toEqual([]);
    const t = -(1e12 + (Probe.markers += 1) + 0.25);
    const isMarker = (m: ServerMessage) => m.type === 'pong' && m.t === t;
    await this.send(frame, binary);
    await this.send(j({ type: 'ping', t }));
    await this.until(() => this.inbox.some(isMarker) || this.closeCode !== undefined, `the pong after ${preview(frame)}`);
    if (!this.inbox.some(isMarker)) throw new Error(`the server closed the socket (${this.closeCode}) after ${preview(frame)}`);
    const at = this.inbox.findIndex(isMarker);
    const replies = this.inbox.slice(0, at);
    this.inbox.splice(0, at + 1);
    return replies;
  }

  close(): void {
    this.ws.terminate();
  }
}

// ---------------------------------------------------------------------------------------------
// What counts as changed: every table's row count and the live session's row.

const TABLES = [
  'users',
  'auth_sessions',
  'settings',
  'presentations',
  'slides',
  'media',
  'live_sessions',
  'slide_states',
  'participants',
  'responses',
  'answer_receipts',
];

async function snapshot(server: TestServer, sessionId: string) {
  const db = server.ettor.store.db;
  const counts = await sql<
    Record<string, unknown>
  >`select ${sql.raw(TABLES.map((t) => `(select count(*) from ${t}) as ${t}`).join(', '))}`.execute(db);
  const row = counts.rows[0] ?? {};
  const session = await db
    .selectFrom('live_sessions')
    .select(['seq', 'current_slide_id', 'status'])
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  const slideStates = await db
    .selectFrom('slide_states')
    .select(['slide_id', 'closed_at'])
    .where('session_id', '=', sessionId)
    .orderBy('slide_id')
    .execute();
  return {
    counts: Object.fromEntries(TABLES.map((t) => [t, Number(row[t])])),
    session: { ...session, seq: Number(session.seq) },
    slideStates,
  };
}

// ---------------------------------------------------------------------------------------------
// Live message rules, written from docs/protocol.md rather than taken from the schemas under test.

const MESSAGE_TYPES = ['join', 'host', 'answer', 'goto', 'set-voting', 'ping'] as const;
type MessageType = (typeof MESSAGE_TYPES)[number];
type Kind = 'type' | 'int' | 'finite' | 'code' | 'token' | 'sessionId' | 'clientId' | 'slideId' | 'bool' | 'answer';
const PATTERNS = {
  code: /^\d{8}$/,
  token: /^[A-Za-z0-9_-]{20,100}$/,
  clientId: /^[A-Za-z0-9_-]{8,64}$/,
  slideId: /^[A-Za-z0-9_-]{1,64}$/,
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const onlyKeys = (v: Record<string, unknown>, keys: readonly string[]) => Object.keys(v).every((k) => keys.includes(k));
const stringList = (v: unknown, min: number, max: number, maxLength: number) =>
  Array.isArray(v) && v.length >= min && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= maxLength);

const isRating = (v: unknown): boolean =>
  isRecord(v) &&
  onlyKeys(v, ['statementId', 'value']) &&
  typeof v.statementId === 'string' &&
  v.statementId.length <= 64 &&
  (v.value === null || Number.isSafeInteger(v.value));

function isAnswer(v: unknown): boolean {
  if (!isRecord(v)) return false;
  switch (v.kind) {
    case 'choice':
      return onlyKeys(v, ['kind', 'optionIds']) && stringList(v.optionIds, 1, CHOICE_LIMITS.maxOptions, 64);
    case 'wordcloud':
      return onlyKeys(v, ['kind', 'entries']) && stringList(v.entries, 1, WORDCLOUD_LIMITS.maxEntries, WORDCLOUD_LIMITS.maxLength * 8);
    case 'open':
      return onlyKeys(v, ['kind', 'text']) && typeof v.text === 'string' && v.text.length <= OPEN_LIMITS.maxLength * 8;
    case 'scale':
      // An empty list has the right shape; the slide's rules refuse it.
      return (
        onlyKeys(v, ['kind', 'ratings']) &&
        Array.isArray(v.ratings) &&
        v.ratings.length <= SCALE_LIMITS.maxStatements &&
        v.ratings.every(isRating)
      );
    default:
      return false;
  }
}

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'type':
      return typeof value === 'string' && (MESSAGE_TYPES as readonly string[]).includes(value);
    case 'int':
      return Number.isSafeInteger(value);
    case 'finite':
      return typeof value === 'number' && Number.isFinite(value);
    case 'code':
    case 'token':
    case 'clientId':
    case 'slideId':
      return typeof value === 'string' && PATTERNS[kind].test(value);
    case 'sessionId':
      return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/u.test(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'answer':
      return isAnswer(value);
  }
}

const fitsRaw = (kind: Kind, raw: string): boolean => isJson(raw) && fits(kind, JSON.parse(raw));
/** An object literal from raw key/value texts; a `"__proto__"` key stays a literal key in the text. */
const obj = (pairs: ReadonlyArray<readonly [string, string]>): string => `{${pairs.map(([k, v]) => `${j(k)}:${v}`).join(',')}}`;

// ---------------------------------------------------------------------------------------------
// Generators of hostile values, as JSON text fragments (some deliberately not JSON at all).

const nastyChar = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '\u0000',
      '\ud800',
      '\udfff',
      '\ufffe',
      '\u202e',
      '\u2028',
      '"',
      '\\',
      '/',
      '\n',
      '\u007f',
      '%',
      "'",
      '{',
      'ä',
      '👍',
      ' ',
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const nastyString = (maxLength: number) => fc.string({ unit: nastyChar, maxLength });
const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' type', 'Type', '\u0000', 'then'),
  nastyString(12),
);
const SPECIAL_RAW = [
  '1e999',
  '-1e999',
  '1e308',
  '-1e308',
  '123456789012345678901234567890',
  '9007199254740993',
  '5e-324',
  '-0',
  '0.5',
  '1.0',
  '2',
  '0',
  'NaN',
  'Infinity',
  '-Infinity',
  'undefined',
  "'x'",
  '0x10',
  '+1',
  '.5',
  '01',
  'tru',
  'nul',
  '[1,]',
  '{"a":1,}',
  '"unterminated',
  '"NaN"',
  '"Infinity"',
  '"-Infinity"',
  '"\\ud800"',
  '"\\udc00\\ud800"',
  '"\\u0000"',
  '"a\u0000b"',
  '"\t"',
  '"__proto__"',
  '""',
  '{}',
  '[]',
  'null',
  'true',
  'false',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '{"toString":1}',
];
const rawValue: fc.Arbitrary<string> = fc.oneof(
  fc.json({ maxDepth: 2 }),
  nastyString(40).map(j),
  // Unescaped: raw control characters inside a string are not JSON.
  nastyString(20).map((s) => `"${s}"`),
  fc.constantFrom(...SPECIAL_RAW),
  fc.integer({ min: 1, max: 4000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 1500 }).map((depth) => '{"a":'.repeat(depth) + '0' + '}'.repeat(depth)),
  fc.integer({ min: 65, max: 5000 }).map((n) => j('x'.repeat(n))),
  fc.double().map(String),
);
const wrongFor = (kind: Kind) => rawValue.filter((raw) => !fitsRaw(kind, raw));
const arrayOf = (item: fc.Arbitrary<string>, maxLength: number) => fc.array(item, { maxLength }).map((items) => `[${items.join(',')}]`);
/** Rating-shaped objects, almost right: fractional, huge or textual values, long ids, missing or extra keys. */
const ratingLike: fc.Arbitrary<string> = fc
  .record({
    statementId: fc.option(fc.oneof(nastyString(70).map(j), rawValue), { nil: undefined }),
    value: fc.option(fc.oneof(fc.constantFrom('null', '3', '2.5', '-1', '1e308', '9007199254740993', '"3"'), rawValue), { nil: undefined }),
    extra: fc.option(fc.tuple(extraKey, rawValue), { nil: undefined }),
  })
  .map(({ extra, ...fields }) => {
    const pairs = Object.entries(fields).filter((pair): pair is [string, string] => pair[1] !== undefined);
    return obj(extra ? [...pairs, extra] : pairs);
  });
/** Answer-shaped objects, almost right: wrong kinds, lists too long or empty, wrong element types, extra keys. */
const answerLike: fc.Arbitrary<string> = fc
  .record({
    kind: fc.option(fc.oneof(fc.constantFrom('"choice"', '"wordcloud"', '"open"', '"scale"'), rawValue), { nil: undefined }),
    optionIds: fc.option(fc.oneof(arrayOf(nastyString(80).map(j), 12), arrayOf(rawValue, 3), rawValue, fc.constant(j(['x'.repeat(65)]))), {
      nil: undefined,
    }),
    entries: fc.option(fc.oneof(arrayOf(nastyString(40).map(j), 5), rawValue, fc.constant(j(['x'.repeat(401)]))), { nil: undefined }),
    text: fc.option(fc.oneof(nastyString(60).map(j), rawValue, fc.constant(j('x'.repeat(4001)))), { nil: undefined }),
    ratings: fc.option(fc.oneof(arrayOf(ratingLike, 10), arrayOf(rawValue, 3), rawValue), { nil: undefined }),
    extra: fc.option(fc.tuple(extraKey, rawValue), { nil: undefined }),
  })
  .map(({ extra, ...fields }) => {
    const pairs = Object.entries(fields).filter((pair): pair is [string, string] => pair[1] !== undefined);
    return obj(extra ? [...pairs, extra] : pairs);
  });
const wrongAnswer = fc.oneof(answerLike, rawValue).filter((raw) => !fitsRaw('answer', raw));

interface MessageSpec {
  fields: Record<string, Kind>;
  required: readonly string[];
  base: ReadonlyArray<readonly [string, string]>;
}

type Mutation = (pairs: Array<readonly [string, string]>) => Array<readonly [string, string]>;

function mutation(spec: MessageSpec): fc.Arbitrary<Mutation> {
  const names = Object.keys(spec.fields);
  const set =
    (name: string, raw: string): Mutation =>
    (pairs) =>
      pairs.some(([k]) => k === name) ? pairs.map(([k, v]) => [k, k === name ? raw : v] as const) : [...pairs, [name, raw] as const];
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc
        .constantFrom(...names)
        .chain((name) => (spec.fields[name] === 'answer' ? wrongAnswer : wrongFor(spec.fields[name]!)).map((raw) => set(name, raw))),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...spec.required).map(
        (name): Mutation =>
          (pairs) =>
            pairs.filter(([k]) => k !== name),
      ),
    },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          extraKey.filter((k) => !names.includes(k)),
          rawValue,
        )
        .map(([key, raw]): Mutation => (pairs) => [...pairs, [key, raw] as const]),
    },
  );
}

/** Frames built from a valid message by one to three mutations, each of which alone makes it invalid. */
function hostileFrames(spec: MessageSpec): fc.Arbitrary<string> {
  const mutated = fc
    .array(mutation(spec), { minLength: 1, maxLength: 3 })
    .map((mutations) => obj(mutations.reduce((pairs, m) => m(pairs), [...spec.base])));
  const base = obj(spec.base);
  return fc
    .oneof(
      { weight: 8, arbitrary: mutated },
      { weight: 1, arbitrary: mutated.map((frame) => `[${frame}]`) },
      { weight: 1, arbitrary: fc.nat({ max: base.length - 1 }).map((n) => base.slice(0, n)) },
    )
    .filter((frame) => Buffer.byteLength(frame) <= MAX_CLIENT_FRAME_BYTES);
}

/** Random values and text: whatever fast-check thinks of, as long as it is not by chance a valid message. */
const randomFrames: fc.Arbitrary<string> = fc
  .oneof(
    fc.json({ maxDepth: 4 }),
    fc
      .anything({
        maxDepth: 3,
        withBoxedValues: true,
        withMap: true,
        withSet: true,
        withObjectString: true,
        withNullPrototype: true,
        withDate: true,
        withSparseArray: true,
        withUnicodeString: true,
      })
      .map((value) => {
        try {
          return JSON.stringify(value) ?? 'undefined';
        } catch {
          return 'unserialisable';
        }
      }),
    nastyString(200),
  )
  .filter((frame) => Buffer.byteLength(frame) <= MAX_CLIENT_FRAME_BYTES)
  .filter((frame) => !(isJson(frame) && clientMessageSchema.safeParse(JSON.parse(frame)).success));

// ---------------------------------------------------------------------------------------------
// HTTP bodies: a JSON tree that can hold raw fragments and literal "__proto__" keys.

class Raw {
  constructor(readonly text: string) {}
}
class Obj {
  constructor(readonly pairs: Array<[string, Node]>) {}
}
type Node = Raw | Obj | Node[] | string | number | boolean | null;
type Path = Array<string | number>;

function toNode(value: unknown): Node {
  if (Array.isArray(value)) return value.map(toNode);
  if (isRecord(value)) return new Obj(Object.entries(value).map(([k, v]) => [k, toNode(v)]));
  return value as Node;
}

function serialize(node: Node): string {
  if (node instanceof Raw) return node.text;
  if (node instanceof Obj) return `{${node.pairs.map(([k, v]) => `${j(k)}:${serialize(v)}`).join(',')}}`;
  if (Array.isArray(node)) return `[${node.map(serialize).join(',')}]`;
  return j(node);
}

function pathsOf(node: Node, prefix: Path = []): Path[] {
  const children: Path[] =
    node instanceof Obj
      ? node.pairs.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))
      : Array.isArray(node)
        ? node.flatMap((v, i) => pathsOf(v, [...prefix, i]))
        : [];
  return [prefix, ...children];
}

/** Rewrites the node at a path; `undefined` from the rewrite removes it from its parent. */
function rewrite(node: Node, path: Path, change: (node: Node) => Node | undefined): Node | undefined {
  if (path.length === 0) return change(node);
  const [head, ...rest] = path;
  if (node instanceof Obj) {
    const pairs = node.pairs.flatMap(([k, v]): Array<[string, Node]> => {
      if (k !== head) return [[k, v]];
      const next = rewrite(v, rest, change);
      return next === undefined ? [] : [[k, next]];
    });
    return new Obj(pairs);
  }
  if (Array.isArray(node)) {
    return node.flatMap((v, i) => {
      if (i !== head) return [v];
      const next = rewrite(v, rest, change);
      return next === undefined ? [] : [next];
    });
  }
  return node;
}

type BodyMutation = (node: Node) => Node;

function bodyMutation(paths: readonly Path[]): fc.Arbitrary<BodyMutation> {
  const at = fc.constantFrom(...paths);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(at, rawValue).map(
        ([path, raw]): BodyMutation =>
          (node) =>
            rewrite(node, path, () => new Raw(raw)) ?? new Raw(raw),
      ),
    },
    {
      weight: 1,
      arbitrary: at.map(
        (path): BodyMutation =>
          (node) =>
            path.length === 0 ? node : (rewrite(node, path, () => undefined) ?? node),
      ),
    },
    {
      weight: 2,
      arbitrary: fc.tuple(at, extraKey, rawValue).map(
        ([path, key, raw]): BodyMutation =>
          (node) =>
            rewrite(node, path, (target) => {
              if (target instanceof Obj) return new Obj([...target.pairs, [key, new Raw(raw)]]);
              if (Array.isArray(target)) return [...target, new Raw(raw)];
              return new Raw(raw);
            }) ?? node,
      ),
    },
  );
}

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'application/xml',
  'application/octet-stream',
  'image/png',
  'text/json',
  'application/jsonx',
  'application/vnd.api+json',
  'multipart/form-data; boundary=----ettor',
  'multipart/form-data',
  '',
];

interface HttpCase {
  body: string;
  contentType: string;
}

function hostileBodies(base: unknown, schema: { safeParse(value: unknown): { success: boolean } }): fc.Arbitrary<HttpCase> {
  const tree = toNode(base);
  const paths = pathsOf(tree);
  const baseText = serialize(tree);
  const json = (arb: fc.Arbitrary<string>) => arb.map((body) => ({ body, contentType: 'application/json' }));
  return (
    fc
      .oneof(
        {
          weight: 8,
          arbitrary: json(
            fc.array(bodyMutation(paths), { minLength: 1, maxLength: 3 }).map((ms) => serialize(ms.reduce((node, m) => m(node), tree))),
          ),
        },
        { weight: 2, arbitrary: json(fc.json({ maxDepth: 4 })) },
        {
          weight: 1,
          arbitrary: json(
            fc
              .anything({ maxDepth: 3, withBoxedValues: true, withNullPrototype: true, withSparseArray: true, withUnicodeString: true })
              .map((value) => {
                try {
                  return JSON.stringify(value) ?? '';
                } catch {
                  return 'unserialisable';
                }
              }),
          ),
        },
        { weight: 1, arbitrary: json(nastyString(200).filter((text) => !isJson(text))) },
        { weight: 1, arbitrary: json(fc.nat({ max: Math.max(0, baseText.length - 1) }).map((n) => baseText.slice(0, n))) },
        // The valid body itself, under a type that is not JSON.
        { weight: 2, arbitrary: fc.constantFrom(...WRONG_CONTENT_TYPES).map((contentType) => ({ body: baseText, contentType })) },
      )
      // Judge the body as the server receives it: a raw lone surrogate goes on the wire as U+FFFD.
      .filter(({ body, contentType }) => {
        const wire = Buffer.from(body).toString();
        return contentType !== 'application/json' || !(isJson(wire) && schema.safeParse(JSON.parse(wire)).success);
      })
  );
}

/** A raw request: exact body bytes, exact content type (none when empty), optional cookie and client address. */
async function rawRequest(
  baseUrl: string,
  method: string,
  path: string,
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
) {
  const init: RequestInit = { method, headers: Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== '')) };
  if (body !== undefined) init.body = new Uint8Array(typeof body === 'string' ? Buffer.from(body) : body);
  const response = await fetch(baseUrl + path, init);
  const text = await response.text();
  return { status: response.status, text, json: isJson(text) ? (JSON.parse(text) as unknown) : undefined };
}

function expectErrorResponse(response: { status: number; text: string; json: unknown }, context: string): ErrorCode {
  expect(response.status, `${context}: ${response.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(response.status, `${context}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
  const body = errorBodySchema.safeParse(response.json);
  expect(body.success, `${context}: error body ${response.text.slice(0, 300)}`).toBe(true);
  const code = (response.json as { error: { code: ErrorCode } }).error.code;
  expect(response.status, `${context}: status of ${code}`).toBe(ERROR_STATUS[code]);
  return code;
}

// ---------------------------------------------------------------------------------------------

describe.each(dialects)('hostile input on $name', (dialect) => {
  const runs =
    dialect.name === 'sqlite' ? { perType: 100, random: 200, valid: 200, http: 80 } : { perType: 40, random: 80, valid: 80, http: 30 };
  const fcOptions = (numRuns: number) => ({ numRuns, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: false });
  let server: TestServer;
  let presenter: HttpClient;
  let deck: Presentation;
  let session: SessionInfo;
  let role: ChoiceSlide;
  let words: WordCloudSlide;
  let content: Slide;
  /** The example deck's scale, which allows "don't know", and one added that does not. */
  let scale: ScaleSlide;
  let strictScale: ScaleSlide;
  let deckFile: DeckFile;
  let watcher: Probe;
  const probes: Probe[] = [];
  let rateLimited = 0;
  let clientAddress = 0;
  const refusals = new Map<ErrorCode, number>();

  const track = (probe: Probe) => {
    probes.push(probe);
    return probe;
  };
  const snap = () => snapshot(server, session.id);
  const deckIds = () => new Set(deck.slides.map((s) => s.id));

  beforeAll(async () => {
    if (dialect.skipReason) return;
    // The test is the trusted proxy on loopback and names a fresh client address for each request, so sign-up and
    // login fuzzing is not answered with the per-address rate limit instead of the check under test.
    server = await startTestServer(dialect, { trustProxy: ['loopback'] });
    presenter = await signedUpClient(server.url);
    const [summary] = (await presenter.get('/api/presentations')).body as Array<{ id: string }>;
    const blank = (await presenter.post(`/api/presentations/${summary!.id}/slides`, { kind: 'scale' })).body as ScaleSlide;
    const strict = {
      ...blank,
      question: 'Strikt?',
      statements: [
        { id: 'ett', label: 'Ett' },
        { id: 'tva', label: 'Två' },
      ],
      steps: 3,
      allowSkip: false,
    };
    strictScale = (await presenter.put(`/api/presentations/${summary!.id}/slides/${blank.id}`, strict)).body as ScaleSlide;
    deck = (await presenter.get(`/api/presentations/${summary!.id}`)).body as Presentation;
    scale = deck.slides.find((s) => s.kind === 'scale' && s.allowSkip) as ScaleSlide;
    role = deck.slides.find((s) => s.kind === 'choice') as ChoiceSlide;
    words = deck.slides.find((s) => s.kind === 'wordcloud') as WordCloudSlide;
    content = deck.slides.find((s) => s.kind === 'content') as Slide;
    deckFile = (await presenter.get(`/api/presentations/${deck.id}/export`)).body as DeckFile;
    session = (await presenter.post(`/api/presentations/${deck.id}/sessions`)).body as SessionInfo;
    watcher = track(await Probe.host(server.wsUrl, session.id, presenter.cookieHeader));
  });

  afterAll(async () => {
    for (const probe of probes) probe.close();
    await server?.stop();
  });

  /** Joined phones, host sockets and not-yet-joined sockets, used in turn so no socket runs out of tokens. */
  const pool = { phones: [] as Probe[], hosts: [] as Probe[], pending: [] as Probe[] };
  type Role = 'phone' | 'host' | 'pending';
  async function fillPool(): Promise<void> {
    if (pool.phones.length > 0) return;
    for (let i = 0; i < 8; i += 1) pool.phones.push(track(await Probe.phone(server.wsUrl, session.code)));
    for (let i = 0; i < 4; i += 1) pool.hosts.push(track(await Probe.host(server.wsUrl, session.id, presenter.cookieHeader)));
    for (let i = 0; i < 4; i += 1) pool.pending.push(track(await Probe.open(server.wsUrl)));
    await watcher.until(() => watcher.presence === 8, 'presence of the 8 pool phones');
  }
  /**
   * A socket of a role; pending sockets are replaced well before the server's 10 s join timeout and before the
   * exchange (a frame and a ping) that would take them past the frames allowed before joining.
   */
  async function socketFor(role: Role, index: number): Promise<Probe> {
    const list = role === 'phone' ? pool.phones : role === 'host' ? pool.hosts : pool.pending;
    const slot = index % list.length;
    const probe = list[slot]!;
    if (role === 'pending' && (Date.now() - probe.openedAt > 8_000 || probe.framesSent + 2 > MAX_FRAMES_BEFORE_JOIN)) {
      probe.close();
      list[slot] = track(await Probe.open(server.wsUrl));
    }
    const chosen = list[slot]!;
    expect(chosen.isOpen, `${role} socket ${slot} is still open (close code ${chosen.closeCode})`).toBe(true);
    return chosen;
  }
  const ROLES: Role[] = ['phone', 'host', 'pending'];

  /** Exactly one reply, an error with one of the expected codes (or rate_limited, counted). */
  function expectOneRefusal(replies: ServerMessage[], codes: readonly ErrorCode[], frame: string, clientId?: string): void {
    const context = `reply to ${preview(frame)}: ${j(replies)}`;
    expect(replies, context).toHaveLength(1);
    const reply = replies[0]!;
    expect(reply.type, context).toBe('error');
    if (reply.type !== 'error') return;
    expect(ERROR_CODES, context).toContain(reply.code);
    if (reply.code === 'rate_limited') {
      rateLimited += 1;
      return;
    }
    expect(codes, context).toContain(reply.code);
    if (clientId !== undefined) expect(reply.clientId, context).toBe(clientId);
  }

  function messageSpecs(): Record<MessageType, MessageSpec> {
    return {
      join: {
        fields: { type: 'type', v: 'int', code: 'code', participantToken: 'token' },
        required: ['type', 'v', 'code'],
        base: [
          ['type', j('join')],
          ['v', '1'],
          ['code', j(session.code)],
        ],
      },
      host: {
        fields: { type: 'type', v: 'int', sessionId: 'sessionId' },
        required: ['type', 'v', 'sessionId'],
        base: [
          ['type', j('host')],
          ['v', '1'],
          ['sessionId', j(session.id)],
        ],
      },
      answer: {
        fields: { type: 'type', clientId: 'clientId', slideId: 'slideId', answer: 'answer' },
        required: ['type', 'clientId', 'slideId', 'answer'],
        base: [
          ['type', j('answer')],
          ['clientId', j('fuzz-client-0001')],
          ['slideId', j(role.id)],
          ['answer', j({ kind: 'choice', optionIds: [role.options[0]!.id] })],
        ],
      },
      goto: {
        fields: { type: 'type', slideId: 'slideId' },
        required: ['type', 'slideId'],
        base: [
          ['type', j('goto')],
          ['slideId', j(words.id)],
        ],
      },
      'set-voting': {
        fields: { type: 'type', slideId: 'slideId', open: 'bool' },
        required: ['type', 'slideId', 'open'],
        base: [
          ['type', j('set-voting')],
          ['slideId', j(role.id)],
          ['open', 'false'],
        ],
      },
      ping: { fields: { type: 'type', t: 'finite' }, required: ['type'], base: [['type', j('ping')]] },
    };
  }

  /** Sends a frame that must be refused as malformed; checks the one reply, the open socket and the database. */
  async function refusedAsMalformed(frame: string, role: Role, index: number): Promise<void> {
    if (isJson(frame)) {
      expect(
        clientMessageSchema.safeParse(JSON.parse(frame)).success,
        `the protocol schema accepts ${preview(frame)}, which the documented rules refuse`,
      ).toBe(false);
    }
    const probe = await socketFor(role, index);
    const before = await snap();
    const replies = await probe.exchange(frame);
    const expected = isJson(frame) ? 'validation_failed' : 'invalid_json';
    refusals.set(expected, (refusals.get(expected) ?? 0) + 1);
    expectOneRefusal(replies, [expected], frame);
    expect(await snap(), `database after ${preview(frame)}`).toEqual(before);
  }

  it.skipIf(dialect.skipReason).each(MESSAGE_TYPES)(
    'refuses hostile %s frames with one typed error, socket open, nothing stored',
    async (type) => {
      await fillPool();
      const spec = messageSpecs()[type];
      await fc.assert(
        fc.asyncProperty(hostileFrames(spec), fc.nat(), async (frame, pick) =>
          refusedAsMalformed(frame, ROLES[pick % ROLES.length]!, pick),
        ),
        fcOptions(runs.perType),
      );
      expect(probes.flatMap((p) => p.malformed)).toEqual([]);
    },
    120_000,
  );

  it.skipIf(dialect.skipReason)(
    'refuses random JSON values and arbitrary text the same way',
    async () => {
      await fillPool();
      await fc.assert(
        fc.asyncProperty(randomFrames, fc.nat(), async (frame, pick) => refusedAsMalformed(frame, ROLES[pick % ROLES.length]!, pick)),
        fcOptions(runs.random),
      );
    },
    120_000,
  );

  it.skipIf(dialect.skipReason)(
    'gives well-formed but refused messages their normal reply and changes nothing',
    async () => {
      await fillPool();
      const ids = deckIds();
      const optionIds = new Set(role.options.map((o) => o.id));
      const clientId = fc.stringMatching(/^[A-Za-z0-9_-]{8,64}$/);
      const unknownSlide = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).filter((id) => !ids.has(id));
      const strings = (max: number) => nastyString(max).filter((s) => s.length <= max);
      const validAnswer = fc.oneof(
        fc.record({ kind: fc.constant('choice'), optionIds: fc.array(strings(64), { minLength: 1, maxLength: 10 }) }),
        fc.record({ kind: fc.constant('wordcloud'), entries: fc.array(strings(60), { minLength: 1, maxLength: 3 }) }),
        fc.record({ kind: fc.constant('open'), text: strings(200) }),
        fc.record({
          kind: fc.constant('scale'),
          ratings: fc.array(fc.record({ statementId: strings(64), value: fc.option(fc.integer(), { nil: null }) }), { maxLength: 8 }),
        }),
      );
      const statementIds = scale.statements.map((st) => st.id);
      const ratings = (list: readonly (readonly [string, number | null])[]) => ({
        kind: 'scale',
        ratings: list.map(([statementId, value]) => ({ statementId, value })),
      });
      const outOfRange = fc.oneof(
        fc.integer({ min: Number.MIN_SAFE_INTEGER, max: 0 }),
        fc.integer({ min: scale.steps + 1, max: Number.MAX_SAFE_INTEGER }),
      );
      const inRange = fc.integer({ min: 1, max: scale.steps });
      // Fenced by ASCII so that the surrogate cannot pair up with a neighbour.
      const loneSurrogate = fc
        .tuple(strings(20), fc.constantFrom('\ud800', '\udfff', '\udbff'), strings(20))
        .map(([a, s, b]) => `${a}x${s}x${b}`);
      const blank = fc
        .array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', '\ufeff'), { minLength: 0, maxLength: 8 })
        .map((cs) => cs.join(''));
      type Case = { role: Role; frame: string; codes?: ErrorCode[]; clientId?: string; pong?: number };
      const answerCase = (role: Role, slideId: fc.Arbitrary<string>, answer: fc.Arbitrary<unknown>, codes: ErrorCode[]) =>
        fc.tuple(clientId, slideId, answer).map(([id, slide, body]): Case => ({
          role,
          frame: j({ type: 'answer', clientId: id, slideId: slide, answer: body }),
          codes,
          clientId: id,
        }));
      const anySlide = fc.oneof(fc.constantFrom(...ids), unknownSlide);
      const cases: fc.Arbitrary<Case> = fc.oneof(
        // A joined phone: the answer reaches the service and is refused by its rules.
        answerCase('phone', unknownSlide, validAnswer, ['unknown_slide']),
        answerCase('phone', fc.constant(content.id), validAnswer, ['not_a_question']),
        answerCase(
          'phone',
          fc.constant(role.id),
          fc
            .uniqueArray(
              strings(64).filter((s) => !optionIds.has(s)),
              { minLength: 1, maxLength: 10 },
            )
            .map((picked) => ({ kind: 'choice', optionIds: picked })),
          ['unknown_option'],
        ),
        answerCase(
          'phone',
          fc.constant(role.id),
          fc.oneof(
            fc.constant({ kind: 'wordcloud', entries: ['x'] }),
            fc.constant({ kind: 'open', text: 'x' }),
            fc.constant(ratings([['x', 1]])),
          ),
          ['wrong_answer_kind'],
        ),
        // Scale: each bad rating its own code; a fractional value breaks the message schema.
        answerCase('phone', fc.constant(scale.id), fc.constant({ kind: 'choice', optionIds: [statementIds[0]!] }), ['wrong_answer_kind']),
        answerCase(
          'phone',
          fc.constant(scale.id),
          fc
            .uniqueArray(
              fc.tuple(
                strings(64).filter((id) => !statementIds.includes(id)),
                inRange,
              ),
              { minLength: 1, maxLength: statementIds.length, selector: ([id]) => id },
            )
            .map(ratings),
          ['unknown_statement'],
        ),
        answerCase(
          'phone',
          fc.constant(scale.id),
          fc
            .subarray(statementIds, { minLength: 1 })
            .chain((ids) => fc.tuple(...ids.map((id) => outOfRange.map((value) => [id, value] as const))))
            .map(ratings),
          ['out_of_range'],
        ),
        answerCase(
          'phone',
          fc.constant(scale.id),
          fc.tuple(fc.constantFrom(...statementIds), inRange, fc.option(inRange, { nil: null })).map(([id, first, second]) =>
            ratings([
              [id, first],
              [id, second],
            ]),
          ),
          ['duplicate_entry'],
        ),
        answerCase(
          'phone',
          fc.constant(scale.id),
          fc
            .uniqueArray(fc.tuple(strings(64), inRange), {
              minLength: statementIds.length + 1,
              maxLength: SCALE_LIMITS.maxStatements,
              selector: ([id]) => id,
            })
            .map(ratings),
          ['too_many_entries'],
        ),
        answerCase('phone', fc.constant(scale.id), fc.constant(ratings([])), ['empty_answer']),
        answerCase(
          'phone',
          fc.constant(scale.id),
          fc
            .tuple(
              fc.constantFrom(...statementIds),
              fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Number.isInteger(v)),
            )
            .map(([id, value]) => ratings([[id, value]])),
          ['validation_failed'],
        ),
        answerCase(
          'phone',
          fc.constant(strictScale.id),
          fc
            .subarray(
              strictScale.statements.map((st) => st.id),
              { minLength: 1 },
            )
            .map((ids) => ratings(ids.map((id) => [id, null] as const))),
          ['skip_not_allowed'],
        ),
        answerCase(
          'phone',
          fc.constant(words.id),
          fc.array(loneSurrogate, { minLength: 1, maxLength: 3 }).map((entries) => ({ kind: 'wordcloud', entries })),
          ['validation_failed'],
        ),
        answerCase(
          'phone',
          fc.constant(words.id),
          fc.array(blank, { minLength: 1, maxLength: 3 }).map((entries) => ({ kind: 'wordcloud', entries })),
          ['empty_answer'],
        ),
        anySlide.map((slideId): Case => ({ role: 'phone', frame: j({ type: 'goto', slideId }), codes: ['forbidden'] })),
        fc
          .tuple(anySlide, fc.boolean())
          .map(([slideId, open]): Case => ({ role: 'phone', frame: j({ type: 'set-voting', slideId, open }), codes: ['forbidden'] })),
        // A host socket: it cannot answer, and only real question slides can be shown or opened.
        answerCase('host', anySlide, validAnswer, ['not_joined']),
        unknownSlide.map((slideId): Case => ({ role: 'host', frame: j({ type: 'goto', slideId }), codes: ['unknown_slide'] })),
        fc
          .tuple(unknownSlide, fc.boolean())
          .map(([slideId, open]): Case => ({ role: 'host', frame: j({ type: 'set-voting', slideId, open }), codes: ['unknown_slide'] })),
        fc
          .boolean()
          .map((open): Case => ({ role: 'host', frame: j({ type: 'set-voting', slideId: content.id, open }), codes: ['not_a_question'] })),
        // Joined sockets join once; 2.0 is the integer 2 in JSON.
        fc
          .tuple(
            fc.constantFrom<Role>('phone', 'host'),
            fc.stringMatching(/^\d{8}$/),
            fc.constantFrom(`${PROTOCOL_VERSION}`, `${PROTOCOL_VERSION}.0`, `${PROTOCOL_VERSION}e0`, `${PROTOCOL_VERSION * 10}e-1`),
          )
          .map(([role, code, v]): Case => ({ role, frame: `{"type":"join","v":${v},"code":${j(code)}}`, codes: ['conflict'] })),
        fc
          .tuple(fc.constantFrom<Role>('phone', 'host'), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/))
          .map(([role, sessionId]): Case => ({ role, frame: j({ type: 'host', v: PROTOCOL_VERSION, sessionId }), codes: ['conflict'] })),
        // Q&A: only a phone asks and upvotes, only the presenter moderates, and a question must exist.
        fc
          .tuple(fc.constantFrom<Role>('host', 'pending'), anySlide, fc.string({ minLength: 1, maxLength: 20 }))
          .map(([role, slideId, text]): Case => ({
            role,
            frame: j({ type: 'ask', clientId: 'qa-ask-0001', slideId, text }),
            codes: ['not_joined'],
            clientId: 'qa-ask-0001',
          })),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/).map((questionId): Case => ({
          role: 'phone',
          frame: j({ type: 'upvote', clientId: 'qa-vote-0001', questionId, up: true }),
          codes: ['not_found'],
          clientId: 'qa-vote-0001',
        })),
        fc.tuple(fc.constantFrom<Role>('phone', 'pending'), fc.constantFrom('show', 'hide', 'pin')).map(([role, action]): Case => ({
          role,
          frame: j({ type: 'moderate-question', questionId: 'q1', action }),
          codes: ['forbidden'],
        })),
        fc.constantFrom('show', 'hide', 'answer').map((action): Case => ({
          role: 'host',
          frame: j({ type: 'moderate-question', questionId: 'no-such-question', action }),
          codes: ['not_found'],
        })),
        // Nicknames and reactions are a joined phone's: a presenter or a socket that has not joined is refused.
        fc.tuple(fc.constantFrom<Role>('host', 'pending'), fc.string({ minLength: 1, maxLength: 24 })).map(([role, nickname]): Case => ({
          role,
          frame: j({ type: 'set-nickname', clientId: 'nick-name-0001', nickname }),
          codes: ['not_joined'],
          clientId: 'nick-name-0001',
        })),
        fc
          .tuple(fc.constantFrom<Role>('host', 'pending'), fc.constantFrom('heart', 'applause'))
          .map(([role, reaction]): Case => ({ role, frame: j({ type: 'react', reaction }), codes: ['not_joined'] })),
        fc
          .tuple(fc.constantFrom<Role>('phone', 'pending'), fc.boolean())
          .map(([role, on]): Case => ({ role, frame: j({ type: 'set-reactions', on }), codes: ['forbidden'] })),
        // A socket that has not joined.
        answerCase('pending', anySlide, validAnswer, ['not_joined']),
        anySlide.map((slideId): Case => ({ role: 'pending', frame: j({ type: 'goto', slideId }), codes: ['forbidden'] })),
        fc
          .tuple(anySlide, fc.boolean())
          .map(([slideId, open]): Case => ({ role: 'pending', frame: j({ type: 'set-voting', slideId, open }), codes: ['forbidden'] })),
        // Any finite number comes back in the pong, on any socket.
        fc
          .tuple(fc.constantFrom(...ROLES), fc.double({ noNaN: true, noDefaultInfinity: true }))
          .map(([role, t]): Case => ({ role, frame: j({ type: 'ping', t }), pong: t })),
      );
      await fc.assert(
        fc.asyncProperty(cases, fc.nat(), async (testCase, pick) => {
          const probe = await socketFor(testCase.role, pick);
          const before = await snap();
          const replies = await probe.exchange(testCase.frame);
          if (testCase.pong !== undefined) {
            expect(replies, preview(testCase.frame)).toHaveLength(1);
            const pong = replies[0]!;
            expect(pong.type === 'pong' && pong.t === testCase.pong, `pong for ${preview(testCase.frame)}: ${j(replies)}`).toBe(true);
          } else {
            expectOneRefusal(replies, testCase.codes ?? [], testCase.frame, testCase.clientId);
          }
          expect(await snap(), `database after ${preview(testCase.frame)}`).toEqual(before);
        }),
        fcOptions(runs.valid),
      );
      console.info(
        `[hostile/${dialect.name}] malformed frames refused: ${j(Object.fromEntries(refusals))}; rate_limited refusals seen: ${rateLimited}`,
      );
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTOTYPE_KEYS);
    },
    120_000,
  );

  it.skipIf(dialect.skipReason)('closes a socket with 4002 for another protocol version, joined or not', async () => {
    for (const socket of [track(await Probe.open(server.wsUrl)), track(await Probe.phone(server.wsUrl, session.code))]) {
      await socket.send(j({ type: 'join', v: PROTOCOL_VERSION + 1, code: session.code }));
      await socket.until(() => socket.closeCode !== undefined, 'close after a wrong version');
      expect(socket.closeCode).toBe(4002);
      expect(socket.inbox.map((m) => m.type === 'error' && m.code)).toEqual(['protocol_mismatch']);
    }
  });

  it.skipIf(dialect.skipReason)(
    'closes a socket with 1009 for a frame over 16 KiB and 1007 for broken UTF-8, serving the others',
    async () => {
      const bystander = track(await Probe.phone(server.wsUrl, session.code));
      const before = await snap();

      // Exactly the limit is accepted; JSON allows trailing whitespace.
      const edge = track(await Probe.open(server.wsUrl));
      const ping = j({ type: 'ping', t: 7 });
      const exact = ping + ' '.repeat(MAX_CLIENT_FRAME_BYTES - ping.length);
      expect(Buffer.byteLength(exact)).toBe(MAX_CLIENT_FRAME_BYTES);
      expect(await edge.exchange(exact)).toEqual([{ type: 'pong', t: 7 }]);
      // One byte more closes the socket, with no error first.
      await edge.send(`${exact} `);
      await edge.until(() => edge.closeCode !== undefined, 'close after 16 KiB + 1');
      expect(edge.closeCode).toBe(1009);
      expect(edge.inbox).toEqual([]);

      // 10 MB on a joined phone: an answer with a huge text.
      const big = track(await Probe.phone(server.wsUrl, session.code));
      await big.send(
        j({ type: 'answer', clientId: 'huge-answer-01', slideId: words.id, answer: { kind: 'open', text: 'ö'.repeat(5 * 1024 * 1024) } }),
      );
      await big.until(() => big.closeCode !== undefined, 'close after 10 MB');
      expect(big.closeCode).toBe(1009);
      expect(big.inbox).toEqual([]);

      // A text frame that is not UTF-8 breaks the WebSocket protocol itself.
      const broken = track(await Probe.phone(server.wsUrl, session.code));
      await broken.send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), false);
      await broken.until(() => broken.closeCode !== undefined, 'close after invalid UTF-8');
      expect(broken.closeCode).toBe(1007);

      // A binary frame is refused but the socket stays.
      expectOneRefusal(await bystander.exchange(Buffer.from(ping), true), ['invalid_json'], ping);
      expect(await bystander.exchange(j({ type: 'ping', t: 8 }))).toEqual([{ type: 'pong', t: 8 }]);
      expect(bystander.isOpen).toBe(true);
      expect(await snap()).toEqual({ ...before, counts: { ...before.counts, participants: before.counts.participants! + 2 } });
      const late = track(await Probe.phone(server.wsUrl, session.code));
      expect(late.welcomeSeq).toBe(before.session.seq);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    },
  );

  it.skipIf(dialect.skipReason)('refuses any session id on a signed-in socket with not_found, NUL and SQL included', async () => {
    const before = await snap();
    // Malformed ids are refused by the schema and the socket may still host; well-formed unknown ones close it.
    for (const sessionId of [
      '\u0000',
      'a\u0000b',
      `${session.id}\u0000`,
      '\ud800',
      "' OR '1'='1",
      '%',
      '../../etc/passwd',
      ' ',
      'x'.repeat(65),
    ]) {
      const socket = track(await Probe.open(server.wsUrl, { cookie: presenter.cookieHeader }));
      expect(
        (await socket.exchange(j({ type: 'host', v: PROTOCOL_VERSION, sessionId }))).map((m) => m.type === 'error' && m.code),
        j(sessionId),
      ).toEqual(['validation_failed']);
      expect(socket.isOpen).toBe(true);
    }
    for (const sessionId of ['_', 'x'.repeat(64)]) {
      const socket = track(await Probe.open(server.wsUrl, { cookie: presenter.cookieHeader }));
      await socket.send(j({ type: 'host', v: PROTOCOL_VERSION, sessionId }));
      await socket.until(() => socket.closeCode !== undefined, `close after host ${j(sessionId)}`);
      expect(
        socket.inbox.map((m) => m.type === 'error' && m.code),
        j(sessionId),
      ).toEqual(['not_found']);
      expect(socket.closeCode).toBe(4001);
    }
    expect(await snap()).toEqual(before);
  });

  it.skipIf(dialect.skipReason)('returns the server’s participant count to where it was once the fuzz sockets close', async () => {
    await fillPool();
    expect(pool.phones.length).toBeGreaterThan(0);
    expect(pool.phones.every((p) => p.isOpen)).toBe(true);
    for (const probe of probes) if (probe !== watcher) probe.close();
    pool.phones.length = 0;
    pool.hosts.length = 0;
    pool.pending.length = 0;
    await watcher.until(() => watcher.presence === 0, 'presence back to 0');
    const again = track(await Probe.phone(server.wsUrl, session.code));
    await watcher.until(() => watcher.presence === 1, 'presence 1 after one new phone');
    again.close();
    await watcher.until(() => watcher.presence === 0, 'presence back to 0 again');
  });

  // ---- HTTP ----

  interface Route {
    name: string;
    method: string;
    path: string;
    base: unknown;
    schema: { safeParse(value: unknown): { success: boolean } };
    anonymous?: boolean;
  }
  const routes = (): Route[] => [
    {
      name: 'signup',
      method: 'POST',
      path: '/api/auth/signup',
      base: { email: 'new@example.se', password: 'another long password', name: 'New' },
      schema: signupBodySchema,
      anonymous: true,
    },
    {
      name: 'login',
      method: 'POST',
      path: '/api/auth/login',
      base: { email: 'speaker@example.se', password: 'not the password' },
      schema: loginBodySchema,
      anonymous: true,
    },
    { name: 'admin settings', method: 'PATCH', path: '/api/admin/settings', base: { signupOpen: true }, schema: settingsPatchSchema },
    {
      name: 'create presentation',
      method: 'POST',
      path: '/api/presentations',
      base: { title: 'Fuzz' },
      schema: createPresentationBodySchema,
    },
    {
      name: 'rename presentation',
      method: 'PATCH',
      path: `/api/presentations/${deck.id}`,
      base: { title: 'Renamed' },
      schema: updatePresentationBodySchema,
    },
    {
      name: 'add slide',
      method: 'POST',
      path: `/api/presentations/${deck.id}/slides`,
      base: { kind: 'choice', afterSlideId: role.id },
      schema: createSlideBodySchema,
    },
    { name: 'edit slide', method: 'PUT', path: `/api/presentations/${deck.id}/slides/${role.id}`, base: role, schema: slideSchema },
    {
      name: 'slide order',
      method: 'PUT',
      path: `/api/presentations/${deck.id}/slide-order`,
      base: { slideIds: [...deck.slides].reverse().map((s) => s.id) },
      schema: reorderSlidesBodySchema,
    },
    { name: 'import deck', method: 'POST', path: '/api/presentations/import', base: deckFile, schema: deckFileSchema },
  ];
  const ROUTE_NAMES = [
    'signup',
    'login',
    'admin settings',
    'create presentation',
    'rename presentation',
    'add slide',
    'edit slide',
    'slide order',
    'import deck',
  ];

  /** Everything an HTTP request could have changed: row counts, the deck as its owner sees it, the settings, the sign-in. */
  async function httpState() {
    return {
      db: await snap(),
      deck: (await presenter.get(`/api/presentations/${deck.id}`)).body as unknown,
      settings: (await presenter.get('/api/admin/settings')).body as unknown,
      me: (await presenter.get('/api/auth/me')).status,
    };
  }

  const send = (route: Route, body: string | Buffer, contentType: string, extra: Record<string, string> = {}) => {
    clientAddress += 1;
    return rawRequest(server.url, route.method, route.path, body, {
      'content-type': contentType,
      'x-forwarded-for': `10.${(clientAddress >> 16) & 255}.${(clientAddress >> 8) & 255}.${clientAddress & 255}`,
      ...(route.anonymous ? {} : { cookie: presenter.cookieHeader }),
      ...extra,
    });
  };

  it.skipIf(dialect.skipReason).each(ROUTE_NAMES)(
    'HTTP %s: hostile bodies get a 4xx error body and change nothing',
    async (name) => {
      const route = routes().find((r) => r.name === name)!;
      let last = await httpState();
      await fc.assert(
        fc.asyncProperty(hostileBodies(route.base, route.schema), async ({ body, contentType }) => {
          const context = `${route.method} ${route.path} as ${JSON.stringify(contentType)}: ${preview(body)}`;
          const response = await send(route, body, contentType);
          const code = expectErrorResponse(response, context);
          expect(code, context).not.toBe('internal');
          if (contentType === 'application/json') {
            expect(['invalid_json', 'validation_failed'], context).toContain(code);
            if (!isJson(body)) expect(code, context).toBe('invalid_json');
          }
          const now = await httpState();
          const before = last;
          last = now;
          expect(now, `state after ${context}`).toEqual(before);
        }),
        fcOptions(runs.http),
      );
    },
    120_000,
  );

  it.skipIf(dialect.skipReason)(
    'HTTP: refuses huge, deeply nested, compressed and prototype-poisoning bodies without a change',
    async () => {
      const before = await httpState();
      const create = routes().find((r) => r.name === 'create presentation')!;
      const importDeck = routes().find((r) => r.name === 'import deck')!;
      const cases: Array<[Route, string | Buffer, Record<string, string>, ErrorCode]> = [
        [create, j({ title: 'x'.repeat(512 * 1024) }), {}, 'validation_failed'],
        [create, j({ title: 'x'.repeat(2 * 1024 * 1024) }), {}, 'payload_too_large'],
        [importDeck, j({ title: 'x'.repeat(10 * 1024 * 1024) }), {}, 'validation_failed'],
        [create, j({ title: 'x'.repeat(13 * 1024 * 1024) }), {}, 'payload_too_large'],
        [importDeck, '['.repeat(500_000) + ']'.repeat(500_000), {}, 'validation_failed'],
        [importDeck, `{"format":"ettor-deck","slides":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, {}, 'validation_failed'],
        [create, zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)), { 'content-encoding': 'gzip' }, 'payload_too_large'],
        [create, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' }, 'invalid_json'],
        [create, '{"title":"x","__proto__":{"isAdmin":true}}', {}, 'invalid_json'],
        [create, '{"title":"x","constructor":{"prototype":{"isAdmin":true}}}', {}, 'invalid_json'],
        [
          importDeck,
          serialize(
            rewrite(toNode(deckFile), ['slides', 0], (slide) =>
              slide instanceof Obj ? new Obj([...slide.pairs, ['__proto__', new Raw('{"kind":"open"}')]]) : slide,
            )!,
          ),
          {},
          'invalid_json',
        ],
        [create, '', {}, 'invalid_json'],
        [create, '   ', {}, 'invalid_json'],
      ];
      for (const [route, body, headers, expected] of cases) {
        const context = `${route.method} ${route.path} ${headers['content-encoding'] ?? ''} ${preview(body)}`;
        expect(expectErrorResponse(await send(route, body, 'application/json', headers), context), context).toBe(expected);
      }
      expect(await httpState()).toEqual(before);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTOTYPE_KEYS);
    },
    120_000,
  );

  it.skipIf(dialect.skipReason)('HTTP: never answers 5xx to NUL characters in titles and ids', async () => {
    const scratch = (await presenter.post('/api/presentations', { title: 'Scratch' })).body as Presentation;
    const requests: Array<[string, string, unknown?]> = [
      ['POST', '/api/presentations', { title: 'a\u0000b' }],
      ['PATCH', `/api/presentations/${scratch.id}`, { title: 'nul\u0000' }],
      ['POST', '/api/presentations/import', { ...deckFile, title: '\u0000' }],
      ['GET', '/api/presentations/%00'],
      ['PATCH', '/api/presentations/%00', { title: 'ok' }],
      ['DELETE', '/api/presentations/a%00b'],
      ['POST', '/api/presentations/%00/duplicate'],
      ['POST', '/api/presentations/%00/sessions'],
      ['GET', '/api/presentations/%00/export'],
      ['DELETE', `/api/presentations/${scratch.id}/slides/%00`],
      ['GET', '/api/sessions/%00'],
      ['POST', '/api/sessions/%00/end'],
      ['GET', '/media/%00'],
      ['GET', '/api/join/%00'],
    ];
    for (const [method, path, body] of requests) {
      const response = await rawRequest(server.url, method, path, body === undefined ? undefined : j(body), {
        cookie: presenter.cookieHeader,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      });
      const context = `${method} ${path}`;
      expect(response.status, `${context}: ${response.text.slice(0, 200)}`).toBeLessThan(500);
      if (response.status >= 400) {
        expectErrorResponse(response, context);
      } else if (isRecord(response.json) && typeof response.json.id === 'string' && isRecord(body) && typeof body.title === 'string') {
        // Stored, then it must read back exactly as sent.
        expect((await presenter.get(`/api/presentations/${response.json.id}`)).body.title, context).toBe(body.title);
        if (response.json.id !== scratch.id) await presenter.delete(`/api/presentations/${response.json.id}`);
      }
    }
    await presenter.delete(`/api/presentations/${scratch.id}`);
  });

  it.skipIf(dialect.skipReason)('HTTP: stores a title with a lone surrogate exactly as acknowledged, or refuses it', async () => {
    const response = await rawRequest(server.url, 'POST', '/api/presentations', '{"title":"a\\ud800b"}', {
      cookie: presenter.cookieHeader,
      'content-type': 'application/json',
    });
    if (response.status >= 400) {
      expect(expectErrorResponse(response, 'lone surrogate title')).toBe('validation_failed');
      return;
    }
    const created = response.json as Presentation;
    expect((await presenter.get(`/api/presentations/${created.id}`)).body.title).toBe(created.title);
    await presenter.delete(`/api/presentations/${created.id}`);
  });

  it.skipIf(dialect.skipReason)('HTTP: answers malformed URL escapes with the Ettor error shape', async () => {
    for (const path of ['/api/presentations/%ff', '/api/sessions/%E0%A4%A', '/api/join/%', '/media/%c0%af']) {
      const response = await rawRequest(server.url, 'GET', path, undefined, { cookie: presenter.cookieHeader });
      expect(['validation_failed', 'not_found'], path).toContain(expectErrorResponse(response, path));
    }
  });

  // ---- A client that never reads ----

  it.skipIf(dialect.skipReason)(
    'drops a phone that never reads, while another phone gets every state in order',
    async () => {
      // Two content slides at their limits, filled with control characters that JSON escapes to six bytes:
      // each state message is about 50 KB, so a reader that stalls piles up megabytes quickly.
      const created = (await presenter.post('/api/presentations', { title: 'Slow reader' })).body as Presentation;
      const second = (await presenter.post(`/api/presentations/${created.id}/slides`, { kind: 'content' })).body as Slide;
      const fill = (n: number) => '\u0001'.repeat(n);
      const slideIds = [created.slides[0]!.id, second.id];
      let stateBytes = 0;
      for (const id of slideIds) {
        const big = {
          id,
          kind: 'content',
          heading: fill(LIMITS.headingLength),
          body: fill(LIMITS.bodyLength),
          bullets: Array.from({ length: LIMITS.bullets }, () => fill(LIMITS.bulletLength)),
          quote: { text: fill(LIMITS.bodyLength), attribution: fill(LIMITS.sourceLength) },
          bigNumber: { value: fill(20), caption: fill(LIMITS.headingLength) },
          image: null,
          source: fill(LIMITS.sourceLength),
          notes: '',
        };
        expect((await presenter.put(`/api/presentations/${created.id}/slides/${id}`, big)).status).toBe(200);
        stateBytes = Buffer.byteLength(j(big));
      }
      const live = (await presenter.post(`/api/presentations/${created.id}/sessions`)).body as SessionInfo;
      const screen = track(await Probe.host(server.wsUrl, live.id, presenter.cookieHeader));
      const reader = track(await Probe.phone(server.wsUrl, live.code));
      await screen.until(() => screen.presence === 1, 'presence 1');

      const stalled = await stalledPhone(new URL(server.url).port, live.code);
      const joinedAt = Date.now();
      try {
        await screen.until(() => screen.presence === 2, 'the stalled phone counted');
        // Gotos one after another, from several host sockets in turn (each has its own rate limit),
        // each waited for on the reading phone, until the server drops the stalled one.
        const drivers = [screen];
        for (let i = 0; i < 7; i += 1) drivers.push(track(await Probe.host(server.wsUrl, live.id, presenter.cookieHeader)));
        const firstSeq = reader.welcomeSeq!;
        let sent = 0;
        // Bounded in count, and in time below the 30 s heartbeat, so only the buffer limit can drop it.
        while (screen.presence !== 1 && sent < 2000 && Date.now() - joinedAt < 25_000) {
          const driver = drivers[sent % drivers.length]!;
          await driver.send(j({ type: 'goto', slideId: slideIds[sent % 2] }));
          sent += 1;
          await reader.until(() => reader.seqs.length >= sent, `state ${sent} on the reading phone`);
        }
        console.info(
          `[hostile/${dialect.name}] the stalled phone was dropped after ${sent} states of about ${Math.round(stateBytes / 1024)} KB`,
        );
        expect(screen.presence, `the stalled phone is still counted after ${sent} states`).toBe(1);

        const seqOnServer = (
          await server.ettor.store.db.selectFrom('live_sessions').select('seq').where('id', '=', live.id).executeTakeFirstOrThrow()
        ).seq;
        await reader.until(() => reader.seqs.at(-1) === Number(seqOnServer), 'the last state');
        expect(reader.seqs).toEqual(Array.from({ length: sent }, (_, i) => firstSeq + 1 + i));
        for (const driver of drivers) expect(driver.inbox.filter((m) => m.type === 'error')).toEqual([]);
        expect(await reader.exchange(j({ type: 'ping', t: 1 }))).toEqual([{ type: 'pong', t: 1 }]);

        // The stalled side, once it reads again, finds its socket closed after what was buffered.
        const closed = new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 20_000);
          stalled.once('close', () => {
            clearTimeout(timer);
            resolve(true);
          });
        });
        stalled.on('data', () => undefined);
        stalled.resume();
        expect(await closed).toBe(true);
      } finally {
        stalled.destroy();
      }
    },
    120_000,
  );
});

/** A WebSocket that joins and then never reads again: a raw TCP socket, paused right after the handshake. */
async function stalledPhone(port: string, code: string): Promise<net.Socket> {
  const socket = net.connect(Number(port), '127.0.0.1');
  socket.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('error', reject);
  });
  socket.write(
    `GET /live HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error('no handshake response')), 10_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (!text.includes('\r\n\r\n')) return;
      socket.pause();
      socket.off('data', onData);
      clearTimeout(timer);
      resolve(text);
    };
    socket.on('data', onData);
  });
  expect(head.startsWith('HTTP/1.1 101')).toBe(true);
  // One masked text frame (client frames must be masked), short enough for a 7-bit length.
  const payload = Buffer.from(j({ type: 'join', v: PROTOCOL_VERSION, code }));
  const mask = randomBytes(4);
  socket.write(
    Buffer.concat([Buffer.from([0x81, 0x80 | payload.length]), mask, Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))]),
  );
  return socket;
}
