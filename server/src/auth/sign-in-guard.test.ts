import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { redisStrikeStores } from '../limits/redis-strike-store.js';
import type { StrikeStores } from '../limits/strike-store.js';
import { REDIS_TEST_URL, redisProblem, testRedisPrefix } from '../test/services.js';
import { SignInGuard } from './sign-in-guard.js';

const ACCOUNT = 'anna@example.se';
const HOME = '198.51.100.7';

/** Whether an attempt is let through (and counted as failed until `succeeded`). */
async function tries(guard: SignInGuard, address: string, account = ACCOUNT): Promise<boolean> {
  try {
    await guard.admit(account, address);
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    expect(error.code).toBe('rate_limited');
    return false;
  }
}

/** `n` attempts one after the other. */
async function times(n: number, attempt: () => Promise<boolean>): Promise<boolean[]> {
  const results: boolean[] = [];
  for (let i = 0; i < n; i += 1) results.push(await attempt());
  return results;
}

function setup() {
  let now = 1_000_000;
  const guard = new SignInGuard(() => now);
  return {
    guard,
    advance: (ms: number) => (now += ms),
    tries: (address: string, account = ACCOUNT) => tries(guard, address, account),
    refusal: async (address: string) => {
      try {
        await guard.admit(ACCOUNT, address);
      } catch (error) {
        return (error as AppError).message;
      }
      throw new Error('the attempt was let through');
    },
  };
}

describe('SignInGuard', () => {
  it('lets five wrong passwords through, then waits a minute, doubling each time up to 15 minutes', async () => {
    const { tries, refusal, advance } = setup();
    expect(await times(5, () => tries(HOME))).toEqual([true, true, true, true, true]);
    expect(await refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 1 minute.');
    advance(30_000);
    expect(await refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 30 seconds.');
    advance(30_000);
    expect(await times(5, () => tries(HOME))).toEqual([true, true, true, true, true]);
    expect(await refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 2 minutes.');
    for (const minutes of [2, 4, 8, 15]) {
      advance(minutes * 60_000);
      await times(5, () => tries(HOME));
    }
    expect(await refusal(HOME)).toBe('Too many failed sign-ins for this email address; try again in 15 minutes.');
  });

  it('starts afresh after a right password, and after a quiet window', async () => {
    const { guard, tries, refusal, advance } = setup();
    await times(5, () => tries(HOME));
    advance(60_000);
    expect(await tries(HOME)).toBe(true);
    await guard.succeeded(ACCOUNT, HOME);
    expect(await times(5, () => tries(HOME))).toEqual([true, true, true, true, true]);
    expect(await refusal(HOME)).toMatch(/1 minute\.$/);
    advance(60_000);
    await times(5, () => tries(HOME));
    advance(2 * 60_000 + 15 * 60_000);
    await times(5, () => tries(HOME));
    expect(await refusal(HOME)).toMatch(/1 minute\.$/);
  });

  it('keeps each account apart, known or not', async () => {
    const { tries } = setup();
    await times(5, () => tries(HOME, 'nobody@example.se'));
    expect(await tries(HOME, 'nobody@example.se')).toBe(false);
    expect(await tries(HOME)).toBe(true);
  });

  it('an attacker on other addresses cannot stop the real user signing in from theirs', async () => {
    const { guard, tries, advance } = setup();
    expect(await tries(HOME)).toBe(true);
    await guard.succeeded(ACCOUNT, HOME);
    // One address guessing for as long as it likes does not reach the user's own address.
    for (let round = 0; round < 20; round += 1) {
      await times(5, () => tries('203.0.113.9'));
      advance(15 * 60_000);
    }
    expect(await tries('192.0.2.44')).toBe(true);
    // Guesses spread over many addresses close the account to addresses it has not signed in from...
    for (let n = 0; n < 60; n += 1) await tries(`203.0.113.${n}`);
    expect(await tries('192.0.2.45')).toBe(false);
    expect(await tries('203.0.113.200')).toBe(false);
    // ...but not to the address the user signs in from, wrong password first or not.
    expect(await tries(HOME)).toBe(true);
    expect(await tries(HOME)).toBe(true);
    await guard.succeeded(ACCOUNT, HOME);
  });

  it('counts attempts still being checked, so parallel guesses cannot slip past together', async () => {
    const { tries } = setup();
    // Nothing has failed yet: none of these has had `succeeded` or an answer.
    expect((await Promise.all(Array.from({ length: 8 }, () => tries(HOME)))).filter(Boolean)).toHaveLength(5);
  });
});

describe.skipIf(redisProblem)('SignInGuard on two nodes sharing Redis', () => {
  let client: Redis;
  let redis: ReturnType<typeof testRedisPrefix>;
  let stores: StrikeStores;
  const errors: unknown[] = [];

  beforeEach(async () => {
    client = new Redis(REDIS_TEST_URL);
    await client.ping();
    redis = testRedisPrefix();
    stores = redisStrikeStores({ client, prefix: redis.prefix, onError: (error) => errors.push(error) });
  });
  afterEach(async () => {
    await redis.clean();
    client.disconnect();
    // Every call above reached Redis: none fell back to a node's memory.
    expect(errors.splice(0)).toEqual([]);
  });

  it('gives one address five attempts at an account in all, whichever node each reaches', async () => {
    let now = 1_000_000;
    const [a, b] = [new SignInGuard(() => now, stores), new SignInGuard(() => now, stores)];
    for (const node of [a, b, a, b, a]) expect(await tries(node, HOME)).toBe(true);
    expect(await tries(a, HOME)).toBe(false);
    expect(await tries(b, HOME)).toBe(false);
    // A right password on one node starts the address afresh on the other.
    now += 60_000;
    expect(await tries(a, HOME)).toBe(true);
    await a.succeeded(ACCOUNT, HOME);
    expect(await times(5, () => tries(b, HOME))).toEqual([true, true, true, true, true]);
    expect(await tries(b, HOME)).toBe(false);
  });

  it('closes the account to new addresses after 50 attempts spread over addresses and nodes', async () => {
    const [a, b] = [new SignInGuard(Date.now, stores), new SignInGuard(Date.now, stores)];
    for (let n = 0; n < 50; n += 1) expect(await tries(n % 2 === 0 ? a : b, `203.0.113.${n}`)).toBe(true);
    expect(await tries(a, '192.0.2.45')).toBe(false);
    expect(await tries(b, '192.0.2.46')).toBe(false);
  });

  it('lets five of parallel guesses from one address through, sent to both nodes at once', async () => {
    const [a, b] = [new SignInGuard(Date.now, stores), new SignInGuard(Date.now, stores)];
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => tries(i % 2 === 0 ? a : b, HOME)));
    expect(results.filter(Boolean)).toHaveLength(5);
  });
});
