import { AppError } from '../http/errors.js';

/** Sign-ins one address may try for one account in a window: enough for a few typos. */
const ATTEMPTS_PER_ADDRESS = 5;
/** Failed sign-ins for one account from all addresses together: more than one address can try in a window. */
const ATTEMPTS_PER_ACCOUNT = 50;
const WINDOW_MS = 15 * 60_000;
const FIRST_BLOCK_MS = 60_000;
/** Each time a key goes over, it waits twice as long as the last time, up to this. */
const MAX_BLOCK_MS = 15 * 60_000;
/** How long an address that signed in to an account stays familiar to it. */
const FAMILIAR_MS = 30 * 24 * 60 * 60_000;
/** Past this many keys, the ones long quiet are forgotten, so memory follows the last minutes' sign-ins. */
const PRUNE_AT = 1024;

interface Tries {
  /** Attempts in the current window, which started at `since`. */
  count: number;
  since: number;
  /** Nothing is tried for this key before this time; 0 when not blocked. */
  blockedUntil: number;
  /** How long the last block was, doubled for the next. */
  lastBlockMs: number;
}

/** Attempts per key in a window, and a doubling block for a key that goes over. */
class Backoff {
  private readonly tries = new Map<string, Tries>();

  constructor(private readonly limit: number) {}

  /** Milliseconds the key still waits; 0 when it may try. */
  wait(key: string, now: number): number {
    return Math.max(0, (this.tries.get(key)?.blockedUntil ?? 0) - now);
  }

  count(key: string, now: number): void {
    this.prune(now);
    const tries = this.tries.get(key) ?? { count: 0, since: now, blockedUntil: 0, lastBlockMs: 0 };
    // A whole quiet window forgets the count and the back-off alike.
    if (now - tries.since >= WINDOW_MS) Object.assign(tries, { count: 0, since: now, lastBlockMs: 0 });
    tries.count += 1;
    if (tries.count >= this.limit) {
      tries.lastBlockMs = Math.min(MAX_BLOCK_MS, tries.lastBlockMs === 0 ? FIRST_BLOCK_MS : tries.lastBlockMs * 2);
      tries.blockedUntil = now + tries.lastBlockMs;
      tries.count = 0;
      tries.since = tries.blockedUntil;
    }
    this.tries.set(key, tries);
  }

  forget(key: string): void {
    this.tries.delete(key);
  }

  private prune(now: number): void {
    if (this.tries.size < PRUNE_AT) return;
    for (const [key, tries] of this.tries) if (now - tries.since >= WINDOW_MS) this.tries.delete(key);
  }
}

/**
 * Limits password guessing per account without handing an attacker a way to lock the real user out. Each pair of
 * account and client address gets a few attempts a window and then a doubling back-off, so guesses from one address
 * never slow the user down at theirs. Guesses spread over many addresses are caught by a looser count per account;
 * its back-off refuses only addresses that have not signed in to that account lately, so the user's usual networks
 * get through even then. Accounts are keyed by the email as the login schema normalises it, whether or not the
 * account exists, so refusals reveal nothing, and an attempt counts as failed from the moment it starts until it
 * succeeds, so guesses sent in parallel cannot slip past together. A refused attempt never reaches the password
 * check: no argon2 work, and a right password during a back-off tells the guesser nothing. All of it lives in memory
 * only, counts for their windows and familiar addresses for 30 days, and a restart forgets it.
 */
export class SignInGuard {
  private readonly perAddress = new Backoff(ATTEMPTS_PER_ADDRESS);
  private readonly perAccount = new Backoff(ATTEMPTS_PER_ACCOUNT);
  /** When each account and address pair last signed in. */
  private readonly familiar = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Refuses an attempt while its address, or an unfamiliar address's account, waits; otherwise counts it. */
  admit(account: string, address: string): void {
    const now = this.now();
    const pair = pairKey(account, address);
    const accountWait = this.perAccount.wait(account, now);
    const wait = Math.max(this.perAddress.wait(pair, now), this.isFamiliar(pair, now) ? 0 : accountWait);
    if (wait > 0) throw new AppError('rate_limited', `Too many failed sign-ins for this email address; try again in ${inWords(wait)}.`);
    this.perAddress.count(pair, now);
    // A familiar address let through while the account waits does not lengthen the wait for everyone else.
    if (accountWait === 0) this.perAccount.count(account, now);
  }

  /** The attempt was right: its address starts afresh and is familiar to the account from now on. */
  succeeded(account: string, address: string): void {
    const now = this.now();
    const pair = pairKey(account, address);
    this.perAddress.forget(pair);
    if (this.familiar.size >= PRUNE_AT) {
      for (const [key, at] of this.familiar) if (now - at >= FAMILIAR_MS) this.familiar.delete(key);
    }
    this.familiar.set(pair, now);
  }

  private isFamiliar(pair: string, now: number): boolean {
    return now - (this.familiar.get(pair) ?? -Infinity) < FAMILIAR_MS;
  }
}

/** A newline cannot be part of a normalised email address, so pairs never collide. */
const pairKey = (account: string, address: string) => `${account}\n${address}`;

/** "45 seconds", "1 minute", "15 minutes". */
function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
