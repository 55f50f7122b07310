import type { Slide } from '@ettor/protocol';
import type { TransportKind } from '../types.js';

/** What the orchestrator tells every worker once, before any command. */
export interface WorkerInit {
  workerIndex: number;
  transport: TransportKind;
  url: string;
  code: string;
  /** This worker's phones are numbered firstIndex … firstIndex + count - 1 across the whole run. */
  firstIndex: number;
  count: number;
  slides: Slide[];
}

export interface ConnectArgs {
  /** Upgrades in flight at once per worker, so the server's accept queue never overflows. */
  concurrency: number;
  timeoutMs: number;
}
export interface ConnectResult {
  joined: number;
  failedAttempts: number;
  firstAt: number;
  lastWelcomeAt: number;
  joinLatencies: Float64Array;
}

export interface SeqArgs {
  seq: number;
  timeoutMs: number;
}
export interface SeqResult {
  /** When each phone that got it received the state with this seq. */
  arrivals: Float64Array;
  missing: number;
}

/** One answer per chosen phone to one slide, spread over a window: the burst, and each question of the talk. */
export interface RoundArgs {
  slideId: string;
  /** Share of joined phones that answer (the talk's realistic participation; 1 for the burst). */
  share: number;
  startAt: number;
  windowMs: number;
  /** Share of answers sent twice with the same clientId, as a double tap or a retry does. */
  dupShare: number;
  /** Share of phones that lose their connection right after sending, reconnect and resend. */
  dropShare: number;
  timeoutMs: number;
}
export interface RoundResult {
  sent: number;
  acked: number;
  unsettled: number;
  errors: Record<string, number>;
  lastAckAt: number;
  ackLatencies: Float64Array;
}

export interface SustainedSlide {
  id: string;
  optionIds: string[];
}
/**
 * A steady offered rate on choice slides. Time is cut into epochs; in epoch e every answer to a slide moves
 * a phone to option e mod k, and only phones on option e+2 mod k (or none) may move. So the count of the
 * epoch's option only rises while its answers land, and the big screen's count maps to answers one by one.
 */
export interface SustainedArgs {
  startAt: number;
  durationMs: number;
  /** This worker's share of the offered rate, answers per second. */
  rate: number;
  epochOrigin: number;
  epochMs: number;
  slides: SustainedSlide[];
  graceMs: number;
}
export interface EpochRecord {
  epoch: number;
  slide: number;
  /** Phones of this worker on the epoch's option when the epoch began. */
  base: number;
}
export interface SustainedResult {
  sent: number;
  acked: number;
  unsettled: number;
  starved: number;
  errors: Record<string, number>;
  epochs: EpochRecord[];
  /** Per answer: its epoch, slide index, send and ack time (NaN when not acked). */
  answerEpoch: Float64Array;
  answerSlide: Float64Array;
  sentAt: Float64Array;
  ackedAt: Float64Array;
}

/** Questions for a Q&A slide, one each from `count` phones of this worker, spread over a window. */
export interface AskArgs {
  slideId: string;
  count: number;
  startAt: number;
  windowMs: number;
  /** Share of questions sent twice with the same clientId, and of phones that drop right after asking. */
  dupShare: number;
  dropShare: number;
  timeoutMs: number;
}
export interface AskResult {
  sent: number;
  acked: number;
  unsettled: number;
  errors: Record<string, number>;
  ackLatencies: Float64Array;
  /** The questions confirmed: every worker's phones upvote among them. */
  questionIds: string[];
}

/**
 * Upvotes spread uniformly over a window, each by a random phone of this worker on a random question of the list that
 * it neither asked nor upvoted before: one phone upvotes one question at most once.
 */
export interface UpvoteArgs {
  /** The Q&A slide the questions were asked on. */
  slideId: string;
  questionIds: string[];
  count: number;
  startAt: number;
  windowMs: number;
  dupShare: number;
  dropShare: number;
  /** How long confirmations may take after the window. */
  graceMs: number;
}
export interface UpvoteResult {
  sent: number;
  acked: number;
  unsettled: number;
  /** Upvotes not sent: the phones drawn had all asked or upvoted the questions drawn with them. */
  unpaired: number;
  errors: Record<string, number>;
  /** Confirmed by `already_voted` to a resend: the first send was stored and its confirmation lost with the connection. */
  confirmedOnResend: number;
  /** Per upvote sent: its question's index in questionIds, when it was sent and confirmed (NaN when not). */
  questionIndex: Float64Array;
  sentAt: Float64Array;
  ackedAt: Float64Array;
}

/** What this worker's phones hold as acknowledged, per slide: the truth the database and big screen must match. */
export interface SlideTruth {
  /** Phones that answered; on a Q&A, phones that asked. */
  respondents: number;
  /**
   * What the held answers add up to on the big screen, per key of the slide's kind (see TALLY_KEYS); on a Q&A the
   * confirmed upvotes per question, with 0 for a question its asker holds and nobody upvoted.
   */
  counts: Map<string, number>;
  /** The last acknowledged clientId of each phone that answered, or of each question asked: it must be the stored one. */
  clientIds: string[];
  /** Answers or questions sent and not yet acknowledged: the database may or may not hold them yet. */
  pendingClientIds: string[];
}
export interface TruthResult {
  slides: Record<string, SlideTruth>;
  pending: number;
}

export interface WorkerStats {
  joined: number;
  reconnects: number;
  closes: Record<string, number>;
  errors: Record<string, number>;
  pings: number;
  pongs: number;
  results: number;
  /** The results frames' bytes, over ws. */
  resultsBytes: number;
}

export interface Commands {
  connect: [ConnectArgs, ConnectResult];
  seq: [SeqArgs, SeqResult];
  round: [RoundArgs, RoundResult];
  ask: [AskArgs, AskResult];
  upvote: [UpvoteArgs, UpvoteResult];
  sustained: [SustainedArgs, SustainedResult];
  truth: [{ settleMs: number }, TruthResult];
  stats: [Record<string, never>, WorkerStats];
  close: [Record<string, never>, { closed: number }];
}
export type CommandName = keyof Commands;

export type ToWorker = { kind: 'init'; init: WorkerInit } | { kind: 'call'; id: number; command: CommandName; args: unknown };
export type FromWorker = { kind: 'ready' } | { kind: 'reply'; id: number; result?: unknown; error?: string };
