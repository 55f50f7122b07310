import { MAX_FRAMES_BEFORE_JOIN, type ServerMessage } from '@ettor/protocol';
import type { WebSocket } from 'ws';

/** A client may buffer this much unsent data before it counts as not reading and is dropped. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
/** Token bucket per socket: sustained messages a second and the burst allowed above it. */
const RATE_PER_SECOND = 10;
const BURST = 30;
/** A socket over its rate is told so at most this often; telling it every time was the flood's own amplifier. */
const NOTICE_INTERVAL_MS = 1_000;
/** Frames dropped before the sender calms down (its bucket refills): a page stuck in a loop is told, a script is cut off. */
const MAX_DROPPED_FRAMES = 60;

/** The standard close code for a peer that broke the rules; the page reconnects later, as after any drop. */
const POLICY_VIOLATION = 1008;
const FLOODER_GRACE_MS = 1_000;

export type Role = 'pending' | 'audience' | 'host';

/**
 * What to do with an incoming frame, decided before it is read: handle it, drop it unread, drop it and tell the
 * sender once, or close the socket.
 */
export type Admission = 'handle' | 'drop' | 'notify' | 'close';

/** One socket and what it has proven: nothing yet, a participant of a session, or its host. */
export class Connection {
  role: Role = 'pending';
  sessionId: string | undefined;
  participantId: string | undefined;
  /** The slide a phone moving at its own pace is on, as it last said (`view`). */
  viewing: string | undefined;
  isAlive = true;
  private tokens = BURST;
  private refilledAt = Date.now();
  private dropped = 0;
  private notifiedAt = Number.NEGATIVE_INFINITY;
  private framesWhilePending = 0;
  private cutOff = false;
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
    /** Frees this socket's place among its address's not-yet-joined sockets. */
    private readonly releasePending: () => void,
  ) {}

  /** The socket has joined a session (or hosts one): it no longer counts as not yet joined. */
  becomes(role: Exclude<Role, 'pending'>, sessionId: string): void {
    this.role = role;
    this.sessionId = sessionId;
    this.releasePending();
  }

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

  /** Decides a frame's fate from counters alone, so a flood costs the server no parsing and no replies. */
  admit(now = Date.now()): Admission {
    if (this.cutOff) return 'drop';
    if (this.role === 'pending' && ++this.framesWhilePending > MAX_FRAMES_BEFORE_JOIN) return 'close';
    this.tokens = Math.min(BURST, this.tokens + ((now - this.refilledAt) / 1000) * RATE_PER_SECOND);
    this.refilledAt = now;
    if (this.tokens >= BURST) this.dropped = 0;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 'handle';
    }
    if (++this.dropped > MAX_DROPPED_FRAMES) return 'close';
    if (now - this.notifiedAt < NOTICE_INTERVAL_MS) return 'drop';
    this.notifiedAt = now;
    return 'notify';
  }

  /** Closes a flooding socket; it goes within a second even if the other end never answers the close. */
  closeForFlooding(): void {
    if (this.cutOff) return;
    this.cutOff = true;
    this.ws.close(POLICY_VIOLATION, 'too many messages');
    setTimeout(() => this.ws.terminate(), FLOODER_GRACE_MS).unref();
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
