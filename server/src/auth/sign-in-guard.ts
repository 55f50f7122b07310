import { AppError } from '../http/errors.js';
import { type StrikeStore, type StrikeStores, memoryStrikeStores } from '../limits/strike-store.js';
import type { StrikeRules } from '../limits/strikes.js';

/** Sign-ins one address may try for one account in a window: enough for a few typos. */
const ATTEMPTS_PER_ADDRESS = 5;
/** Failed sign-ins for one account from all addresses together: more than one address can try in a window. */
const ATTEMPTS_PER_ACCOUNT = 50;
/** A window of 15 minutes; a key over its attempts waits 1 minute, then twice as long each time, up to 15. */
const BACK_OFF: Omit<StrikeRules, 'perWindow'> = { windowMs: 15 * 60_000, firstBlockMs: 60_000, maxBlockMs: 15 * 60_000 };
/** How long an address that signed in to an account stays familiar to it. */
const FAMILIAR_MS = 30 * 24 * 60 * 60_000;
/** Past this many familiar pairs, those no longer familiar are forgotten. */
const PRUNE_AT = 1024;

/**
 * Limits password guessing per account without handing an attacker a way to lock the real user out. Each pair of
 * account and client address gets a few attempts a window and then a doubling back-off, so guesses from one address
 * never slow the user down at theirs. Guesses spread over many addresses are caught by a looser count per account;
 * its back-off refuses only addresses that have not signed in to that account lately, so the user's usual networks
 * get through even then. Accounts are keyed by the email as the login schema normalises it, whether or not the
 * account exists, so refusals reveal nothing, and an attempt counts as failed from the moment it starts until it
 * succeeds, so guesses sent in parallel cannot slip past together. A refused attempt never reaches the password
 * check: no argon2 work, and a right password during a back-off tells the guesser nothing. The counts live for their
 * windows in the strike stores (this node's memory, or shared by every node); familiar addresses live in this node's
 * memory for 30 days, and a restart forgets them.
 */
export class SignInGuard {
  private readonly perAddress: StrikeStore;
  private readonly perAccount: StrikeStore;
  /** When each account and address pair last signed in. */
  private readonly familiar = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    stores: StrikeStores = memoryStrikeStores,
  ) {
    this.perAddress = stores('sign-in-address', { ...BACK_OFF, perWindow: ATTEMPTS_PER_ADDRESS }, now);
    this.perAccount = stores('sign-in-account', { ...BACK_OFF, perWindow: ATTEMPTS_PER_ACCOUNT }, now);
  }

  /** Refuses an attempt while its address, or an unfamiliar address's account, waits; otherwise counts it. */
  async admit(account: string, address: string): Promise<void> {
    const pair = pairKey(account, address);
    // Checked before anything is counted, so a refused attempt counts nowhere. Attempts from many addresses in
    // flight together may pass the account's count by as many; each is still held to its own address's count.
    const accountWait = this.isFamiliar(pair, this.now()) ? 0 : await this.perAccount.waitFor(account);
    if (accountWait > 0) throw refusal(Math.max(accountWait, await this.perAddress.waitFor(pair)));
    const pairWait = await this.perAddress.admit(pair);
    if (pairWait > 0) throw refusal(pairWait);
    // Not counted while the account waits: a familiar address let through then does not lengthen it for everyone else.
    await this.perAccount.admit(account);
  }

  /** The attempt was right: its address starts afresh and is familiar to the account from now on. */
  async succeeded(account: string, address: string): Promise<void> {
    const now = this.now();
    const pair = pairKey(account, address);
    if (this.familiar.size >= PRUNE_AT) {
      for (const [key, at] of this.familiar) if (now - at >= FAMILIAR_MS) this.familiar.delete(key);
    }
    this.familiar.set(pair, now);
    await this.perAddress.forget(pair);
  }

  private isFamiliar(pair: string, now: number): boolean {
    return now - (this.familiar.get(pair) ?? -Infinity) < FAMILIAR_MS;
  }
}

/** A newline cannot be part of a normalised email address, so pairs never collide. */
const pairKey = (account: string, address: string) => `${account}\n${address}`;

const refusal = (ms: number) =>
  new AppError('rate_limited', `Too many failed sign-ins for this email address; try again in ${inWords(ms)}.`);

/** "45 seconds", "1 minute", "15 minutes". */
function inWords(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return seconds < 60 ? plural(seconds, 'second') : plural(Math.ceil(seconds / 60), 'minute');
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
