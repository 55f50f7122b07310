// What both baselines share: the deck, the schema, tallies from stored rows, the throttle, the token bucket.
// Kept small on purpose: a baseline is what a team would write, not a second product.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  ANONYMITY,
  type OwnQuestions,
  type QuestionSlide,
  type Results,
  type SessionState,
  type Slide,
  deckFileSchema,
  isQuestionSlide,
} from '@ettor/protocol';
import Database from 'better-sqlite3';
import { countFor } from './tallies.js';

export const env = {
  port: Number(process.env.PORT ?? 3100),
  host: process.env.HOST ?? '127.0.0.1',
  dataDir: process.env.BENCH_DATA_DIR ?? '.',
  deckPath: process.env.BENCH_DECK ?? '',
};

/** The deck as Ettor reads it: through the schema, so every slide has its defaults. */
export function loadSlides(): Slide[] {
  const deck = deckFileSchema.parse(JSON.parse(fs.readFileSync(env.deckPath, 'utf8')));
  // Speaker notes never go to phones.
  return deck.slides.map((slide) => ({ ...slide, notes: '' }));
}

/**
 * The same durability promise as Ettor: WAL with a synced commit, so an ack means stored. The tables hold
 * what Ettor's do for an answer (response, one per participant and slide; receipt per clientId for retries).
 */
export function openDatabase(): Database.Database {
  const db = new Database(path.join(env.dataDir, 'bench.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS participants (id TEXT PRIMARY KEY, session_id TEXT NOT NULL, token TEXT NOT NULL UNIQUE);
    CREATE TABLE IF NOT EXISTS responses (
      id TEXT PRIMARY KEY, session_id TEXT NOT NULL, slide_id TEXT NOT NULL, participant_id TEXT NOT NULL,
      answer TEXT NOT NULL, client_id TEXT NOT NULL, updated_at TEXT NOT NULL,
      UNIQUE (session_id, slide_id, participant_id));
    CREATE TABLE IF NOT EXISTS answer_receipts (
      participant_id TEXT NOT NULL, client_id TEXT NOT NULL, slide_id TEXT NOT NULL, answer TEXT NOT NULL,
      PRIMARY KEY (participant_id, client_id));
  `);
  return db;
}

export interface Session {
  id: string;
  code: string;
  slides: Slide[];
  seq: number;
  current: number;
}

export function newSession(slides: Slide[]): Session {
  return { id: randomUUID(), code: String(randomInt(10_000_000, 100_000_000)), slides, seq: 1, current: 0 };
}

export function stateOf(session: Session, participants: number): SessionState {
  const slide = session.slides[session.current] ?? null;
  return {
    sessionId: session.id,
    code: session.code,
    title: 'Bench',
    status: 'live',
    seq: session.seq,
    slideIndex: session.current,
    slideCount: session.slides.length,
    slide,
    votingOpen: slide !== null && isQuestionSlide(slide),
    round: 0,
    closesInMs: null,
    pausedLeftMs: null,
    awaitingStart: false,
    participants,
    // The baselines count like a typical tool: results from the first answer, never split.
    anonymityThreshold: ANONYMITY.minThreshold,
    strictAnonymity: false,
    split: null,
    // The baselines speak join / slide / answer only: no phone is offered a Q&A to ask in, nor reactions to send.
    askAnytime: null,
    reactions: false,
    screen: { black: false, joinScreen: false, codeBar: true },
    resultsShown: true,
    // The baselines run a talk: the presenter sets the pace, and answers have no end.
    pace: 'presenter',
    openUntil: null,
  };
}

/** A welcome's Q&A part: nobody asks or upvotes on a baseline. */
export const NO_QUESTIONS: OwnQuestions = { asked: [], upvoted: [] };

export const newToken = () => randomBytes(24).toString('base64url');
export const newId = () => randomUUID();

type Row<T> = Database.Statement<[string, string], T>;
type TallyRow = { id: string; answer: string; n: number };
export interface Statements {
  receipt: Row<{ slide_id: string; answer: string }>;
  upsert: Database.Statement;
  insertReceipt: Database.Statement;
  /** Stored answers for a tally: `answers` one row each, oldest first; `answerCounts` equal answers counted together. */
  answers: Row<TallyRow>;
  answerCounts: Row<TallyRow>;
  participantAnswers: Row<{ slide_id: string; answer: string }>;
  participantByToken: Row<{ id: string; token: string }>;
  insertParticipant: Database.Statement;
}

/** Statements an answer needs, prepared once. */
export function answerStatements(db: Database.Database): Statements {
  return {
    receipt: db.prepare<[string, string], { slide_id: string; answer: string }>(
      'SELECT slide_id, answer FROM answer_receipts WHERE participant_id = ? AND client_id = ?',
    ),
    upsert: db.prepare(
      `INSERT INTO responses (id, session_id, slide_id, participant_id, answer, client_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (session_id, slide_id, participant_id) DO UPDATE SET answer = excluded.answer, client_id = excluded.client_id, updated_at = excluded.updated_at`,
    ),
    insertReceipt: db.prepare('INSERT INTO answer_receipts (participant_id, client_id, slide_id, answer) VALUES (?, ?, ?, ?)'),
    answers: db.prepare<[string, string], TallyRow>(
      'SELECT id, answer, 1 AS n FROM responses WHERE session_id = ? AND slide_id = ? ORDER BY updated_at, id',
    ),
    answerCounts: db.prepare<[string, string], TallyRow>(
      "SELECT '' AS id, answer, COUNT(*) AS n FROM responses WHERE session_id = ? AND slide_id = ? GROUP BY answer",
    ),
    participantAnswers: db.prepare<[string, string], { slide_id: string; answer: string }>(
      'SELECT slide_id, answer FROM responses WHERE session_id = ? AND participant_id = ?',
    ),
    participantByToken: db.prepare<[string, string], { id: string; token: string }>(
      'SELECT id, token FROM participants WHERE token = ? AND session_id = ?',
    ),
    insertParticipant: db.prepare('INSERT INTO participants (id, session_id, token) VALUES (?, ?, ?)'),
  };
}

/**
 * Stores one answer idempotently, inside the caller's transaction: a known clientId returns the stored
 * answer, a new one replaces this participant's answer to the slide. Returns the answer to ack.
 */
export function storeAnswer(
  st: Statements,
  sessionId: string,
  participantId: string,
  clientId: string,
  slideId: string,
  answer: unknown,
): { answer: unknown; changed: boolean } {
  const receipt = st.receipt.get(participantId, clientId);
  if (receipt) return { answer: JSON.parse(receipt.answer), changed: false };
  const text = JSON.stringify(answer);
  st.upsert.run(newId(), sessionId, slideId, participantId, text, clientId, new Date().toISOString());
  st.insertReceipt.run(participantId, clientId, slideId, text);
  return { answer, changed: true };
}

/** Results of a slide from its stored rows, in the protocol's shapes: the big screen equals what was stored. */
export function tally(st: Statements, sessionId: string, slide: QuestionSlide): Results {
  const count = countFor(slide);
  // Counting is a GROUP BY, so the database counts and the server reads one row per distinct answer; a list needs every row.
  const rows = (count.listsAnswers ? st.answers : st.answerCounts).iterate(sessionId, slide.id);
  let respondents = 0;
  for (const row of rows) {
    respondents += row.n;
    count.add(JSON.parse(row.answer), row.n, row.id);
  }
  return count.results(respondents);
}

/** At most one run per interval per key, and always one more after the last request: Ettor's throttle rule. */
export class Throttle {
  private readonly last = new Map<string, number>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  constructor(private readonly intervalMs: number) {}
  request(key: string, run: () => void): void {
    if (this.timers.has(key)) return;
    const wait = Math.max(0, (this.last.get(key) ?? 0) + this.intervalMs - Date.now());
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.last.set(key, Date.now());
        run();
      }, wait),
    );
  }
}

/** 10 messages a second with a burst of 30 per connection, as Ettor allows: one client cannot flood the server. */
export class Bucket {
  private tokens = 30;
  private at = Date.now();
  take(): boolean {
    const t = Date.now();
    this.tokens = Math.min(30, this.tokens + ((t - this.at) / 1000) * 10);
    this.at = t;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** The two HTTP routes the bench needs: health, and starting a session of the deck. */
export function handleHttp(sessions: Map<string, Session>, byId: Map<string, Session>, slides: Slide[]) {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (request.method === 'POST' && request.url === '/session') {
      request.resume();
      const session = newSession(slides);
      sessions.set(session.code, session);
      byId.set(session.id, session);
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: session.id, code: session.code, slides }));
      return;
    }
    // socket.io answers its own path before this handler; everything else is unknown.
    if (!response.headersSent && !request.url?.startsWith('/socket.io')) response.writeHead(404).end();
  };
}
