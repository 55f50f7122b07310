import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../http/errors.js';
import { redisStrikeStores } from '../limits/redis-strike-store.js';
import type { StrikeStores } from '../limits/strike-store.js';
import { REDIS_TEST_URL, redisProblem, testRedisPrefix } from '../test/services.js';
import { JoinCodeGuard } from './code-guard.js';

const refused = async (guard: JoinCodeGuard, address: string): Promise<string | null> => {
  try {
    await guard.assertMayTry(address);
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `${error.code}: ${error.message}`;
  }
};

describe('JoinCodeGuard', () => {
  const setUp = () => {
    let now = 1_000_000;
    const guard = new JoinCodeGuard(() => now);
    return { guard, wait: (ms: number) => (now += ms) };
  };

  it('takes 49 wrong codes a minute from one address, and blocks it for a minute at the 50th', async () => {
    const { guard, wait } = setUp();
    for (let i = 0; i < 49; i += 1) {
      expect(await refused(guard, '10.0.0.1')).toBeNull();
      await guard.wrong('10.0.0.1');
    }
    expect(await refused(guard, '10.0.0.1')).toBeNull();
    await guard.wrong('10.0.0.1');
    expect(await refused(guard, '10.0.0.1')).toBe('rate_limited: Too many wrong codes from this network; try again in 60 seconds.');
    // Another address is not affected.
    expect(await refused(guard, '10.0.0.2')).toBeNull();
    wait(59_000);
    expect(await refused(guard, '10.0.0.1')).toBe('rate_limited: Too many wrong codes from this network; try again in 1 seconds.');
    wait(1_000);
    expect(await refused(guard, '10.0.0.1')).toBeNull();
  });

  it('doubles the wait each time the address goes over again, up to 15 minutes', async () => {
    const { guard, wait } = setUp();
    const blocks: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      for (let i = 0; i < 50; i += 1) await guard.wrong('10.0.0.1');
      let waited = 0;
      while ((await refused(guard, '10.0.0.1')) !== null) {
        wait(1_000);
        waited += 1;
      }
      blocks.push(waited);
    }
    expect(blocks).toEqual([60, 120, 240, 480, 900, 900]);
  });

  it('forgets wrong codes from an earlier window: a typo now and then never adds up', async () => {
    const { guard, wait } = setUp();
    for (let minute = 0; minute < 10; minute += 1) {
      for (let i = 0; i < 40; i += 1) await guard.wrong('10.0.0.1');
      wait(60_000);
    }
    expect(await refused(guard, '10.0.0.1')).toBeNull();
  });
});

describe.skipIf(redisProblem)('JoinCodeGuard on two nodes sharing Redis', () => {
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

  it('blocks an address at 50 wrong codes however they are split between the nodes, on both nodes', async () => {
    let now = 1_000_000;
    const [a, b] = [new JoinCodeGuard(() => now, stores), new JoinCodeGuard(() => now, stores)];
    for (let i = 0; i < 49; i += 1) {
      const node = i % 2 === 0 ? a : b;
      expect(await refused(node, '10.0.0.1')).toBeNull();
      await node.wrong('10.0.0.1');
    }
    expect(await refused(a, '10.0.0.1')).toBeNull();
    await b.wrong('10.0.0.1');
    for (const node of [a, b]) {
      expect(await refused(node, '10.0.0.1')).toBe('rate_limited: Too many wrong codes from this network; try again in 60 seconds.');
      expect(await refused(node, '10.0.0.2')).toBeNull();
    }
    now += 60_000;
    expect(await refused(a, '10.0.0.1')).toBeNull();
  });

  it('counts wrong codes sent to both nodes at once without losing any', async () => {
    const [a, b] = [new JoinCodeGuard(Date.now, stores), new JoinCodeGuard(Date.now, stores)];
    await Promise.all(Array.from({ length: 49 }, (_, i) => (i % 2 === 0 ? a : b).wrong('198.51.100.1')));
    expect(await refused(a, '198.51.100.1')).toBeNull();
    await b.wrong('198.51.100.1');
    expect(await refused(a, '198.51.100.1')).toMatch(/^rate_limited: /);
  });
});
