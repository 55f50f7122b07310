import type { ServerMessage } from '@ettor/protocol';
import type { WebSocket } from 'ws';

/** A client may buffer this much unsent data before it counts as not reading and is dropped. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Token bucket per socket: sustained messages a second and the burst allowed above it. */
const RATE_PER_SECOND = 10;
const BURST = 30;

export type Role = 'pending' | 'audience' | 'host';

/** One socket and what it has proven: nothing yet, a participant of a session, or its host. */
export class Connection {
  role: Role = 'pending';
  sessionId: string | undefined;
  participantId: string | undefined;
  isAlive = true;
  private tokens = BURST;
  private refilledAt = Date.now();
  /** Messages are handled one at a time per socket, in the order they arrived. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly ws: WebSocket,
    readonly userId: string | undefined,
    /** When the heartbeat next pings this socket (ms since the epoch). */
    public nextPingAt: number,
  ) {}

  send(message: ServerMessage): void {
    this.sendRaw(JSON.stringify(message));
  }

  /** Sends an already serialised message, so a broadcast serialises once for all sockets. */
  sendRaw(data: string | Buffer): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    // A text frame either way: the protocol is JSON text.
    this.ws.send(data, { binary: false });
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  /** Takes one token; false when the socket is sending faster than allowed. */
  takeToken(): boolean {
    const now = Date.now();
    this.tokens = Math.min(BURST, this.tokens + ((now - this.refilledAt) / 1000) * RATE_PER_SECOND);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task, task);
  }
}
