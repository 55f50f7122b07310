import { AppError } from '../http/errors.js';

/** Wrong codes an address may try in a window: a room behind one NAT mistypes now and then, a script never stops. */
const WRONG_CODES_PER_WINDOW = 50;
const WINDOW_MS = 60_000;
/** Each time an address goes over, it waits twice as long as the last time, up to this. */
const MAX_BLOCK_MS = 15 * 60_000;

interface Tries {
  /** Wrong codes in the current window, which started at `since`. */
  wrong: number;
  since: number;
  /** Nothing is tried for this address before this time; 0 when not blocked. */
  blockedUntil: number;
  /** How long the last block was, doubled for the next. */
  lastBlockMs: number;
}

/**
 * Limits how fast one client address can guess join codes, over HTTP and the live channel alike. Right codes never
 * count, so a whole room behind one address joins at once; an address over the limit gets nothing answered, right or
 * wrong, until its back-off has passed, so a guess that would have hit tells the guesser nothing. Addresses are held
 * in memory for the windows only.
 */
export class JoinCodeGuard {
  private readonly tries = new Map<string, Tries>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Refuses an address that is waiting out a back-off. */
  assertMayTry(address: string): void {
    const tries = this.tries.get(address);
    const wait = (tries?.blockedUntil ?? 0) - this.now();
    if (wait > 0) {
      throw new AppError('rate_limited', `Too many wrong codes from this network; try again in ${Math.ceil(wait / 1000)} seconds.`);
    }
  }

  /** A code that opened nothing. */
  wrong(address: string): void {
    const now = this.now();
    this.prune(now);
    const tries = this.tries.get(address) ?? { wrong: 0, since: now, blockedUntil: 0, lastBlockMs: 0 };
    if (now - tries.since >= WINDOW_MS) {
      tries.wrong = 0;
      tries.since = now;
    }
    tries.wrong += 1;
    if (tries.wrong >= WRONG_CODES_PER_WINDOW) {
      tries.lastBlockMs = Math.min(MAX_BLOCK_MS, tries.lastBlockMs === 0 ? WINDOW_MS : tries.lastBlockMs * 2);
      tries.blockedUntil = now + tries.lastBlockMs;
      tries.wrong = 0;
      tries.since = tries.blockedUntil;
    }
    this.tries.set(address, tries);
  }

  /** Forgets addresses whose window and back-off have long passed, so memory follows the guessers of the last minutes. */
  private prune(now: number): void {
    if (this.tries.size < 1024) return;
    for (const [address, tries] of this.tries) {
      if (now - Math.max(tries.since, tries.blockedUntil) > MAX_BLOCK_MS * 2) this.tries.delete(address);
    }
  }
}
