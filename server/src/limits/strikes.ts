export interface StrikeRules {
  /** Strikes a key may collect in a window before it is blocked. */
  perWindow: number;
  windowMs: number;
  /** The first block; each one after it lasts twice as long as the last, up to `maxBlockMs`. */
  firstBlockMs: number;
  maxBlockMs: number;
}

interface Tally {
  strikes: number;
  /** When the current window started. */
  since: number;
  /** Nothing is allowed for this key before this time; 0 when not blocked. */
  blockedUntil: number;
  lastBlockMs: number;
}

/** Past this many keys, the ones quiet for a whole window are forgotten, so memory follows the last minutes. */
const PRUNE_AT = 1024;

/**
 * Strikes per key (a client address, an account) in a window; a key that collects too many is blocked, for a back-off
 * that doubles each time it happens again until the key has been quiet for a whole window. Held in memory only.
 */
export class Strikes {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly rules: StrikeRules,
    private readonly now: () => number = Date.now,
  ) {}

  /** How many milliseconds the key must still wait; 0 when it is not blocked. */
  waitFor(key: string): number {
    return Math.max(0, (this.tallies.get(key)?.blockedUntil ?? 0) - this.now());
  }

  strike(key: string): void {
    const now = this.now();
    this.prune(now);
    const tally = this.tallies.get(key) ?? { strikes: 0, since: now, blockedUntil: 0, lastBlockMs: 0 };
    // A whole quiet window forgets the strikes and the back-off alike.
    if (now - tally.since >= this.rules.windowMs) Object.assign(tally, { strikes: 0, since: now, lastBlockMs: 0 });
    tally.strikes += 1;
    if (tally.strikes >= this.rules.perWindow) {
      tally.lastBlockMs = Math.min(this.rules.maxBlockMs, tally.lastBlockMs === 0 ? this.rules.firstBlockMs : tally.lastBlockMs * 2);
      tally.blockedUntil = now + tally.lastBlockMs;
      tally.strikes = 0;
      tally.since = tally.blockedUntil;
    }
    this.tallies.set(key, tally);
  }

  /** The key's wait if it is blocked; otherwise a strike and 0, in one step. */
  admit(key: string): number {
    const wait = this.waitFor(key);
    if (wait === 0) this.strike(key);
    return wait;
  }

  forget(key: string): void {
    this.tallies.delete(key);
  }

  private prune(now: number): void {
    if (this.tallies.size < PRUNE_AT) return;
    for (const [key, tally] of this.tallies) if (now - tally.since >= this.rules.windowMs) this.tallies.delete(key);
  }
}
