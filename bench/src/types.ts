import type { Slide } from '@ettor/protocol';

/** The servers one run compares: Ettor itself and the two baselines under bench/baselines/. */
export const SERVER_KINDS = ['ettor', 'limit', 'typical'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** How a client reaches a server: Ettor and the limit baseline speak JSON over raw WebSocket, typical speaks socket.io. */
export type TransportKind = 'ws' | 'socketio';

export const SCENARIOS = ['hold', 'fanout', 'burst', 'sustained', 'talk', 'qa', 'flood'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** A live session ready for the audience: what phones need (code) and what the presenter needs (id, cookie). */
export interface LiveSession {
  sessionId: string;
  code: string;
  slides: Slide[];
  /** Headers the presenter's upgrade request carries, e.g. Ettor's session cookie. */
  hostHeaders: Record<string, string>;
}
