import { PROTOCOL_VERSION, type Results } from '@ettor/protocol';
import { now } from './clock.js';
import { shownCounts } from './tally-keys.js';
import { type Link, openLink } from './transport.js';
import type { LiveSession, TransportKind } from './types.js';

/** One results message as the big screen saw it. */
export interface Snapshot {
  at: number;
  respondents: number;
  /** What the results show per key of the slide's kind (see TALLY_KEYS). */
  counts: Map<string, number>;
}

/** The big screen: hosts the session, moves slides, and records every results and presence message it gets. */
export class Presenter {
  seq = -1;
  participants = 0;
  readonly snapshots = new Map<string, Snapshot[]>();
  private link!: Link;
  private listeners = new Set<() => void>();

  static async open(transport: TransportKind, url: string, session: LiveSession, timeoutMs = 15_000): Promise<Presenter> {
    const presenter = new Presenter();
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the presenter got no welcome')), timeoutMs);
      presenter.link = openLink(transport, url, session.hostHeaders, {
        open: () => presenter.link.send({ type: 'host', v: PROTOCOL_VERSION, sessionId: session.sessionId }),
        message: (data) => {
          const message = (typeof data === 'string' ? JSON.parse(data) : data) as HostMessage;
          presenter.apply(message);
          if (message.type === 'welcome') {
            clearTimeout(timer);
            resolve();
          }
          if (message.type === 'error') reject(new Error(`the presenter was refused: ${message.code}`));
        },
        close: (code, reason) => {
          clearTimeout(timer);
          reject(new Error(`the presenter's socket closed (${code} ${reason})`));
        },
      });
    });
    return presenter;
  }

  /** Shows a slide; resolves once the presenter's own copy of the new state is back, with when it was sent. */
  async goto(slideId: string, timeoutMs = 30_000): Promise<{ sentAt: number; seq: number }> {
    const before = this.seq;
    const sentAt = now();
    this.link.send({ type: 'goto', slideId });
    await this.until(() => this.seq > before, timeoutMs, `goto ${slideId}`);
    return { sentAt, seq: this.seq };
  }

  latest(slideId: string): Snapshot | undefined {
    const list = this.snapshots.get(slideId);
    return list?.[list.length - 1];
  }

  /** Resolves with the time the big screen first showed what `done` asks for, or undefined at the time limit. */
  async whenResults(slideId: string, done: (snapshot: Snapshot) => boolean, timeoutMs: number): Promise<number | undefined> {
    const satisfied = () => {
      const latest = this.latest(slideId);
      return latest && done(latest) ? latest.at : undefined;
    };
    try {
      await this.until(() => satisfied() !== undefined, timeoutMs, 'results');
      return satisfied();
    } catch {
      return undefined;
    }
  }

  async whenPresence(count: number, timeoutMs: number): Promise<boolean> {
    try {
      await this.until(() => this.participants >= count, timeoutMs, 'presence');
      return true;
    } catch {
      return false;
    }
  }

  close(): void {
    this.link.close();
  }

  private until(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test()) return;
        finish();
        resolve();
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const finish = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
    });
  }

  private apply(message: HostMessage): void {
    const at = now();
    switch (message.type) {
      case 'welcome':
      case 'state':
        // Keep the highest seq, as every client must.
        this.seq = Math.max(this.seq, message.state.seq);
        break;
      case 'presence':
        this.participants = message.participants;
        break;
      case 'results': {
        const { slideId, respondents } = message.results;
        let list = this.snapshots.get(slideId);
        if (!list) this.snapshots.set(slideId, (list = []));
        list.push({ at, respondents, counts: shownCounts(message.results) });
        break;
      }
      default:
        break;
    }
    for (const listener of [...this.listeners]) listener();
  }
}

/** The fields of host messages the bench reads. */
type HostMessage =
  | { type: 'welcome'; state: { seq: number } }
  | { type: 'state'; state: { seq: number } }
  | { type: 'presence'; participants: number }
  | { type: 'results'; results: Results }
  | { type: 'error'; code: string }
  | { type: 'ack' | 'pong' };
