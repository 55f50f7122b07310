import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDIS_TEST_URL, redisProblem, testRedisPrefix } from '../test/services.js';
import { type TcpProxy, startTcpProxy } from '../test/tcp-proxy.js';
import type { Bus, SessionEvent } from './bus.js';
import { createRedisBus } from './redis-bus.js';

const SESSION = 'session-1';
const quiet = { warn: () => undefined };

/** Collects what one node's subscriber is delivered. */
function listen(bus: Bus, sessionId = SESSION): SessionEvent[] {
  const heard: SessionEvent[] = [];
  bus.subscribe(sessionId, (event) => heard.push(event));
  return heard;
}

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const connected = (bus: Bus) => () => bus.problem() === undefined;

describe.skipIf(redisProblem)('the Redis bus', () => {
  let keys: ReturnType<typeof testRedisPrefix>;
  const opened: Bus[] = [];
  const open = (url = REDIS_TEST_URL, prefix = keys.prefix, node = `node-${opened.length + 1}`) => {
    const bus = createRedisBus({ url, prefix, node, log: quiet, pollMs: 200 });
    opened.push(bus);
    return bus;
  };

  beforeEach(() => {
    keys = testRedisPrefix();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((bus) => bus.close()));
    await keys.clean();
  });

  it('delivers an event once on the node that published it and once on every other node of the prefix', async () => {
    const [a, b, elsewhere] = [open(), open(), open(REDIS_TEST_URL, `${keys.prefix}other:`)];
    await until(() => [a, b, elsewhere].every((bus) => connected(bus)()), 'the buses to connect');
    const [onA, onB, onElsewhere] = [listen(a), listen(b), listen(elsewhere)];
    // Subscribing is one round trip to Redis.
    await new Promise((resolve) => setTimeout(resolve, 150));

    await a.publish(SESSION, { type: 'answers-changed', slideId: 's1' });
    await until(() => onB.length === 1, 'the other node to hear it');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(onA).toEqual([{ type: 'answers-changed', slideId: 's1' }]);
    expect(onB).toEqual([{ type: 'answers-changed', slideId: 's1' }]);
    expect(onElsewhere).toEqual([]);
  });

  it('ignores what is not an event of its version on its channels', async () => {
    const a = open();
    await until(connected(a), 'the bus to connect');
    const heard = listen(a);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const raw = new Redis(REDIS_TEST_URL);
    const channel = `${keys.prefix}session:${SESSION}`;
    for (const message of [
      'not json',
      JSON.stringify({ v: 2, from: 'future-node', event: { type: 'deck-changed' } }),
      JSON.stringify({ v: 1, from: 'node-x', event: { type: 'launch-missiles' } }),
      JSON.stringify({ v: 1, event: { type: 'deck-changed' } }),
      JSON.stringify({ v: 1, from: 'node-x', event: { type: 'deck-changed' } }),
    ]) {
      await raw.publish(channel, message);
    }
    raw.disconnect();
    await until(() => heard.length === 1, 'the one valid event');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(heard).toEqual([{ type: 'deck-changed' }]);
  });

  describe('when Redis goes away', () => {
    let proxy: TcpProxy;
    beforeEach(async () => {
      const target = new URL(REDIS_TEST_URL);
      proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    });
    afterEach(async () => {
      await proxy.close();
    });

    it('keeps delivering on its own node, polls meanwhile, and repairs the other nodes once it is back', async () => {
      const cut = open(`redis://127.0.0.1:${proxy.port}`);
      const other = open();
      await until(() => connected(cut)() && connected(other)(), 'the buses to connect');
      const [onCut, onOther] = [listen(cut), listen(other)];
      await new Promise((resolve) => setTimeout(resolve, 100));

      await proxy.cut();
      await until(() => cut.problem() !== undefined, 'the outage to show');
      expect(cut.problem()).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is not connected since /);

      // A commit meanwhile still reaches this node's screens, and publishing does not fail.
      await cut.publish(SESSION, { type: 'answers-changed', slideId: 's1' });
      expect(onCut).toContainEqual({ type: 'answers-changed', slideId: 's1' });
      await until(() => onCut.filter((event) => event.type === 'resync').length >= 2, 'polling while Redis is away');
      expect(onOther).toEqual([]);

      await proxy.restore();
      await until(connected(cut), 'the bus to reconnect');
      // The node that missed the change counts from the store again; so does the one that was cut off.
      await until(() => onOther.some((event) => event.type === 'resync'), 'the other node to be told to resync');
      const polled = onCut.filter((event) => event.type === 'resync').length;
      await until(() => onCut.filter((event) => event.type === 'resync').length > polled, 'a resync after the reconnect');
      // Polling stops once Redis is back.
      const settled = onCut.length;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(onCut.length).toBe(settled);

      await other.publish(SESSION, { type: 'deck-changed' });
      await until(() => onCut.some((event) => event.type === 'deck-changed'), 'events to flow again');
    });

    it('names an unreachable Redis without its password and never throws on publish', async () => {
      await proxy.cut();
      const bus = open(`redis://ettor:secret@127.0.0.1:${proxy.port}`);
      const heard = listen(bus);
      await bus.publish(SESSION, { type: 'deck-changed' });
      expect(heard).toEqual([{ type: 'deck-changed' }]);
      expect(bus.problem()).toMatch(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is not connected/);
      expect(bus.problem()).not.toContain('secret');
    });
  });
});
