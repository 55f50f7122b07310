import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { ReactionCounts, SessionState } from '@ettor/protocol';
import type { StoredAnswer } from '../responses/tally.js';

/**
 * The session state every node shares, the slide in full but for its notes. Each node adds its own participant
 * count, turns the stored countdown end into the milliseconds left, and leaves out the slide's secrets when it sends.
 */
export type SharedState = Omit<SessionState, 'participants' | 'closesInMs'> & { closesAt: string | null };

/**
 * What a session's nodes tell each other. Services publish after they commit; the live layer delivers.
 * Committed answers travel with their event, so every node's tallies grow without reading the store again;
 * anything else that changes results (moderation, a new round) asks for a recount.
 */
export type SessionEvent =
  | { type: 'state'; state: SharedState }
  | { type: 'answers-stored'; slideId: string; round: number; answers: StoredAnswer[] }
  | { type: 'answers-changed'; slideId: string }
  /** A Q&A's questions, upvotes or moderation changed: its results are counted from the store again. */
  | { type: 'qa-changed'; slideId: string }
  /** The deck's slides or settings were edited: phones moving through it at their own pace get it again. */
  | { type: 'deck-changed' }
  /** Reactions a node gathered for a slide since its last flush, and the slide's stored totals after adding them. */
  | { type: 'reactions'; slideId: string; added: ReactionCounts; totals: ReactionCounts }
  | PresenceEvent
  /** Events may have been lost (the bus was down, a publish failed): everything is counted from the store again. */
  | { type: 'resync' };

/**
 * One node's participants in a session, told on every change and every few seconds, so each node can add up the
 * room's count; `seq` grows per node, so a late message never overwrites a newer one; `ask` asks the others for theirs.
 */
export interface PresenceEvent {
  type: 'presence';
  node: string;
  seq: number;
  participants: number;
  ask: boolean;
}

export type SessionEventHandler = (event: SessionEvent) => void;

/**
 * Pub/sub between nodes, one channel per live session. In-process for one node; Redis for several. `publish` never
 * fails: what is committed is the truth, and a lost event is repaired by a `resync` from the store.
 */
export interface Bus {
  /** This node's name among the others: its host, process and a random part, as a restart makes a new node. */
  readonly node: string;
  publish(sessionId: string, event: SessionEvent): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(sessionId: string, handler: SessionEventHandler): () => void;
  /** What is wrong with the link to other nodes, for `/healthz`; undefined when nothing is (always, in process). */
  problem(): string | undefined;
  close(): Promise<void>;
}

export function newNodeName(): string {
  return `${os.hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
}
