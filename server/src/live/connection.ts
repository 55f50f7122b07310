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
  /** Replies waiting behind an ack that waits for its commit; undefined when none are. */
  private waiting: Promise<void> | undefined;

  constructor(
    readonly ws: WebSocket,
    readonly userId: string | undefined,
    /** The client's address, for limits that follow an address rather than a socket (guessing join codes). */
    readonly address: string,
    /** When the heartbeat next pings this socket (ms since the epoch). */
    public nextPingAt: number,
  ) {}

  /**
   * Sends a reply. Replies keep the order of the messages they answer, so one sent while an earlier answer's
   * ack still waits for its commit goes out after that ack.
   */
  send(message: ServerMessage): void {
    this.inOrder(() => this.sendRaw(JSON.stringify(message)));
  }

  /** Sends a reply that is not known yet (an ack waiting for its commit) in its place among the replies. */
  sendWhenReady(message: Promise<ServerMessage>): void {
    this.after(() => message.then((ready) => this.sendRaw(JSON.stringify(ready))));
  }

  /** Sends an already serialised message at once, so a broadcast serialises once for all sockets. */
  sendRaw(data: string | Buffer): void {
    if (this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.ws.terminate();
      return;
    }
    // A text frame either way: the protocol is JSON text.
    this.ws.send(data, { binary: false });
  }

  /** Closes the socket once the replies before have gone. */
  close(code: number, reason: string): void {
    this.inOrder(() => this.ws.close(code, reason));
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

  /** Runs a step now, or after the replies still waiting when there are any. */
  private inOrder(step: () => void): void {
    if (this.waiting) this.after(step);
    else step();
  }

  private after(step: () => void | Promise<void>): void {
    // A step never rejects (acks carry their refusals as error messages); a failure must not stall later replies.
    const next = (this.waiting ?? Promise.resolve()).then(step).catch(() => undefined);
    this.waiting = next;
    void next.then(() => {
      if (this.waiting === next) this.waiting = undefined;
    });
  }
}
