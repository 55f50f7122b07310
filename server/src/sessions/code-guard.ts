import { AppError } from '../http/errors.js';
import { type StrikeStore, type StrikeStores, memoryStrikeStores } from '../limits/strike-store.js';

/** Wrong codes an address may try in a minute: a room behind one NAT mistypes now and then, a script never stops. */
const WRONG_CODES_PER_MINUTE = 50;
const MAX_BLOCK_MS = 15 * 60_000;

/**
 * Limits how fast one client address can guess join codes, over HTTP and the live channel alike, and with shared
 * strike stores across every node. Right codes never count, so a whole room behind one address joins at once; an
 * address over the limit gets nothing answered, right or wrong, until its back-off (1 minute, doubling to 15) has
 * passed, so a guess that would have hit tells the guesser nothing.
 */
export class JoinCodeGuard {
  private readonly wrongCodes: StrikeStore;

  constructor(now: () => number = Date.now, stores: StrikeStores = memoryStrikeStores) {
    this.wrongCodes = stores(
      'join-codes',
      { perWindow: WRONG_CODES_PER_MINUTE, windowMs: 60_000, firstBlockMs: 60_000, maxBlockMs: MAX_BLOCK_MS },
      now,
    );
  }

  /** Refuses an address that is waiting out a back-off. */
  async assertMayTry(address: string): Promise<void> {
    const wait = await this.wrongCodes.waitFor(address);
    if (wait > 0) {
      throw new AppError('rate_limited', `Too many wrong codes from this network; try again in ${Math.ceil(wait / 1000)} seconds.`);
    }
  }

  /** A code that opened nothing. */
  wrong(address: string): Promise<void> {
    return this.wrongCodes.strike(address);
  }
}
