import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Core, createCore, registerRoutes } from '../main.js';
import { REDIS_TEST_URL, redisProblem, testRedisPrefix } from '../test/services.js';
import { createHttpApp } from './app.js';
import { trustFunction } from './client-address.js';

describe.skipIf(redisProblem)('request limits per address shared through Redis', () => {
  let dataDir: string;
  let core: Core;
  let client: Redis;
  let redis: ReturnType<typeof testRedisPrefix>;
  const apps: FastifyInstance[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ettor-shared-limits-'));
    core = await createCore({ databaseUrl: undefined, dataDir, signupOpenByDefault: false });
  });
  afterAll(async () => {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    client = new Redis(REDIS_TEST_URL);
    await client.ping();
    redis = testRedisPrefix();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await redis.clean();
    client.disconnect();
  });

  /** One node: its own Fastify over the shared store, counting in `on`. */
  async function node(on: Redis): Promise<FastifyInstance> {
    const webDir = path.join(dataDir, 'no-web');
    const app = await createHttpApp({
      auth: core.auth,
      webDir,
      trustProxy: trustFunction(false),
      logLevel: 'silent',
      sharedLimits: { client: on, prefix: redis.prefix },
    });
    registerRoutes(app, core, { publicUrl: undefined, host: '127.0.0.1', webDir });
    await app.ready();
    apps.push(app);
    return app;
  }

  // A body the route refuses before any work, so only the limit decides between 400 and 429.
  const signUp = async (app: FastifyInstance) => (await app.inject({ method: 'POST', url: '/api/auth/signup', payload: {} })).statusCode;

  it('counts sign-ups from one address on two nodes together: 10 a minute in all', async () => {
    const [a, b] = [await node(client), await node(client)];
    for (let i = 0; i < 10; i += 1) expect(await signUp(i % 2 === 0 ? a : b)).toBe(400);
    expect(await signUp(a)).toBe(429);
    expect(await signUp(b)).toBe(429);
    const keys = await client.keys(`${redis.prefix}rate-limit:*`);
    expect(keys).toEqual([`${redis.prefix}rate-limit:POST/api/auth/signup-127.0.0.1`]);
    expect(await client.pttl(keys[0] ?? '')).toBeGreaterThan(0);
  });

  it('lets every request through while Redis cannot be reached', async () => {
    // Nothing listens on port 1, and the client neither waits nor retries.
    const unreachable = new Redis({ host: '127.0.0.1', port: 1, enableOfflineQueue: false, retryStrategy: () => null });
    unreachable.on('error', () => undefined);
    try {
      const app = await node(unreachable);
      for (let i = 0; i < 15; i += 1) expect(await signUp(app)).toBe(400);
    } finally {
      unreachable.disconnect();
    }
  });
});
