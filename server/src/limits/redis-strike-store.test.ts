import net from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDIS_TEST_URL, redisProblem, testRedisPrefix } from '../test/services.js';
import { redisStrikeStores } from './redis-strike-store.js';
import { memoryStrikeStores } from './strike-store.js';
import type { StrikeRules } from './strikes.js';

const RULES: StrikeRules = { perWindow: 3, windowMs: 3000, firstBlockMs: 500, maxBlockMs: 4000 };

/** A port nothing listens on: refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The same pseudo-random steps on every run. */
function seeded(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(redisProblem)('redisStrikeStores', () => {
  let client: Redis;
  let redis: ReturnType<typeof testRedisPrefix>;
  const errors: unknown[] = [];
  const open: Redis[] = [];

  beforeEach(async () => {
    client = new Redis(REDIS_TEST_URL);
    await client.ping();
    redis = testRedisPrefix();
  });
  afterEach(async () => {
    await redis.clean();
    for (const other of open.splice(0)) other.disconnect();
    client.disconnect();
    errors.splice(0);
  });

  const storesOn = (on: Redis, timeoutMs?: number) =>
    redisStrikeStores({ client: on, prefix: redis.prefix, onError: (error) => errors.push(error), ...(timeoutMs ? { timeoutMs } : {}) });

  it('answers exactly as the memory store does, step by step', async () => {
    let now = 1_000_000;
    const shared = storesOn(client)('model', RULES, () => now);
    const local = memoryStrikeStores('model', RULES, () => now);
    const random = seeded(7);
    let blocked = 0;
    for (let step = 0; step < 600; step += 1) {
      // Whole tenths of a second, at least one a step: a key's expiry in Redis, counted in real time, always
      // outlasts the test's quicker clock, so Redis forgets a key no sooner than the memory store would.
      now += 100 * (1 + Math.floor(random() * 3));
      const key = random() < 0.5 ? 'a' : 'b';
      const op = (['waitFor', 'strike', 'admit', 'admit', 'forget'] as const)[Math.floor(random() * 5)] ?? 'waitFor';
      const [fromRedis, fromMemory] = await Promise.all([shared[op](key), local[op](key)]);
      expect({ step, op, key, answer: fromRedis }).toEqual({ step, op, key, answer: fromMemory });
      if (typeof fromMemory === 'number' && fromMemory > 0) blocked += 1;
    }
    // The walk went through back-offs, not only quiet counting.
    expect(blocked).toBeGreaterThan(20);
    expect(errors).toEqual([]);
  });

  it('keys each limit by name and key under the prefix, and lets nothing linger past a quiet window', async () => {
    const store = storesOn(client)('join-codes', { ...RULES, windowMs: 300, firstBlockMs: 200 }, Date.now);
    await store.strike('10.0.0.1');
    const key = `${redis.prefix}strikes:join-codes:10.0.0.1`;
    expect(await client.pttl(key)).toBeGreaterThan(0);
    expect(await client.pttl(key)).toBeLessThanOrEqual(300);
    await store.strike('10.0.0.1');
    await store.strike('10.0.0.1');
    // Blocked for 200 ms, then a window of 300 before it is forgotten.
    expect(await store.waitFor('10.0.0.1')).toBeGreaterThan(0);
    expect(await client.pttl(key)).toBeGreaterThan(300);
    expect(await client.pttl(key)).toBeLessThanOrEqual(500);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await client.exists(key)).toBe(0);
  });

  it('keeps keys of any characters apart, the empty one too', async () => {
    const store = storesOn(client)('odd', RULES, () => 1_000_000);
    const keys = ['', ' ', ':', 'a:b', 'a\nb', '*', '?[x]', '"\'\\', '🙂 ümlaut', 'x'.repeat(2000), '10.0.0.1'];
    for (const key of keys) {
      expect(await store.admit(key)).toBe(0);
      expect(await store.waitFor(key)).toBe(0);
    }
    for (let i = 0; i < 2; i += 1) await store.strike('');
    expect(await store.waitFor('')).toBe(500);
    for (const key of keys.slice(1)) expect(await store.waitFor(key)).toBe(0);
    expect(await client.exists(`${redis.prefix}strikes:odd:`, `${redis.prefix}strikes:odd:a\nb`)).toBe(2);
    await store.forget('');
    expect(await store.waitFor('')).toBe(0);
    expect(errors).toEqual([]);
  });

  it('falls back to this node’s memory while Redis cannot be reached, still limiting, and never throws', async () => {
    const unreachable = new Redis({ host: '127.0.0.1', port: await closedPort(), retryStrategy: () => null, maxRetriesPerRequest: 0 });
    unreachable.on('error', () => undefined);
    open.push(unreachable);
    const store = storesOn(unreachable)('down', RULES, () => 1_000_000);
    expect(await store.admit('10.0.0.1')).toBe(0);
    expect(await store.admit('10.0.0.1')).toBe(0);
    expect(await store.admit('10.0.0.1')).toBe(0);
    expect(await store.admit('10.0.0.1')).toBe(500);
    expect(await store.waitFor('10.0.0.2')).toBe(0);
    await store.strike('10.0.0.2');
    await store.forget('10.0.0.1');
    expect(await store.waitFor('10.0.0.1')).toBe(0);
    // Told once, not for every call.
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/Redis is not connected/);
  });

  it('falls back when Redis fails a call, and tells again after Redis has answered in between', async () => {
    const store = storesOn(client)('broken', RULES, Date.now);
    // A key of another type makes the script fail.
    await client.set(`${redis.prefix}strikes:broken:10.0.0.1`, 'not a tally');
    expect(await store.admit('10.0.0.1')).toBe(0);
    expect(await store.waitFor('10.0.0.1')).toBe(0);
    expect(errors).toHaveLength(1);
    expect(String(errors[0])).toMatch(/WRONGTYPE/);
    expect(await store.admit('10.0.0.2')).toBe(0);
    expect(await store.admit('10.0.0.1')).toBe(0);
    expect(errors).toHaveLength(2);
  });

  it('falls back when a connected Redis does not answer in time', async () => {
    // Accepts connections and never replies, as a Redis behind a dead link would look.
    const sockets: net.Socket[] = [];
    const silent = net.createServer((socket) => sockets.push(socket)).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const { port } = silent.address() as net.AddressInfo;
    // Without its checks the client is ready as soon as it connects, with nothing asked yet.
    const hanging = new Redis({ port, host: '127.0.0.1', enableReadyCheck: false, disableClientInfo: true });
    hanging.on('error', () => undefined);
    open.push(hanging);
    try {
      await new Promise((resolve) => hanging.once('ready', resolve));
      const store = storesOn(hanging, 100)('slow', RULES, Date.now);
      const started = Date.now();
      expect(await store.admit('10.0.0.1')).toBe(0);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(String(errors[0])).toMatch(/did not answer within 100 ms/);
    } finally {
      hanging.disconnect();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
