import type { SessionState } from '@ettor/protocol';

/** What a session's nodes tell each other. Services publish after they commit; the live layer delivers. */
export type SessionEvent =
  | { type: 'state'; state: Omit<SessionState, 'participants'> }
  | { type: 'answers-changed'; slideId: string };

export type SessionEventHandler = (event: SessionEvent) => void;

/** Pub/sub between nodes, one channel per live session. In-process for one node; Redis for several. */
export interface Bus {
  publish(sessionId: string, event: SessionEvent): Promise<void>;
  /** Returns the function that unsubscribes. */
  subscribe(sessionId: string, handler: SessionEventHandler): () => void;
  close(): Promise<void>;
}
