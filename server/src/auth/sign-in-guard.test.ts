import { describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { SignInGuard } from './sign-in-guard.js';

const ACCOUNT = 'anna@example.se';
const HOME = '198.51.100.7';

function setup() {
  let now = 1_000_000;
  const guard = new SignInGuard(() => now);
  return {
    guard,
    advance: (ms: number) => (now += ms),
    /** Whether an attempt is let through (and counted as failed until `succeeded`). */
    tries: (address: string, account = ACCOUNT) => {
      try {
        guard.admit(account, address);
        return true;
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        expect(error.code).toBe('rate_limited');
        return false;
      }
    },
    refusal: (address: string) => {
      try {
        guard.admit(ACCOUNT, address);
      } catch (error) {
        return (error as AppError).message;
      }
      throw new Error('the attempt was let through');
    },
  };
}

const times = (n: number, attempt: () => boolean) => Array.from({ length: n }, attempt);

describe('SignInGuard', () => {
  it('lets five wrong passwords through, then waits a minute, doubling each time up to 15 minutes', () => {
    const { tries, refusal, advance } = setup();
    expect(times(5, () => tries(HOME))).toEqual([true, true, true, true, true]);
    expect(refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 1 minute.');
    advance(30_000);
    expect(refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 30 seconds.');
    advance(30_000);
    expect(times(5, () => tries(HOME))).toEqual([true, true, true, true, true]);
    expect(refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 2 minutes.');
    for (const minutes of [2, 4, 8, 15]) {
      advance(minutes * 60_000);
      times(5, () => tries(HOME));
    }
    expect(refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 15 minutes.');
  });

  it('starts afresh after a right password, and after a quiet window', () => {
    const { guard, tries, refusal, advance } = setup();
    times(5, () => tries(HOME));
    advance(60_000);
    expect(tries(HOME)).toBe(true);
    guard.succeeded(ACCOUNT, HOME);
    expect(times(5, () => tries(HOME))).toEqual([true, true, true, true, true]);
    expect(refusal(HOME)).toMatch(/1 minute\.$/);
    advance(60_000);
    times(5, () => tries(HOME));
    advance(2 * 60_000 + 15 * 60_000);
    times(5, () => tries(HOME));
    expect(refusal(HOME)).toMatch(/1 minute\.$/);
  });

  it('keeps each account apart, known or not', () => {
    const { tries } = setup();
    times(5, () => tries(HOME, 'nobody@example.se'));
    expect(tries(HOME, 'nobody@example.se')).toBe(false);
    expect(tries(HOME)).toBe(true);
  });

  it('an attacker on other addresses cannot stop the real user signing in from theirs', () => {
    const { guard, tries, advance } = setup();
    expect(tries(HOME)).toBe(true);
    guard.succeeded(ACCOUNT, HOME);
    // One address guessing for as long as it likes does not reach the user's own address.
    for (let round = 0; round < 20; round += 1) {
      times(5, () => tries('203.0.113.9'));
      advance(15 * 60_000);
    }
    expect(tries('192.0.2.44')).toBe(true);
    // Guesses spread over many addresses close the account to addresses it has not signed in from...
    for (let n = 0; n < 60; n += 1) tries(`203.0.113.${n}`);
    expect(tries('192.0.2.45')).toBe(false);
    expect(tries('203.0.113.200')).toBe(false);
    // ...but not to the address the user signs in from, wrong password first or not.
    expect(tries(HOME)).toBe(true);
    expect(tries(HOME)).toBe(true);
    guard.succeeded(ACCOUNT, HOME);
  });

  it('counts attempts still being checked, so parallel guesses cannot slip past together', () => {
    const { tries } = setup();
    // Nothing has failed yet: none of these has had `succeeded` or an answer.
    expect(times(8, () => tries(HOME)).filter(Boolean)).toHaveLength(5);
  });
});
