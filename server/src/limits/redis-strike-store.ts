import type { Redis } from 'ioredis';
import { type StrikeStores, memoryStrikeStores } from './strike-store.js';

/**
 * `Strikes` in Redis, the same steps in one script so nodes counting one key at once cannot lose a strike. A tally is
 * a hash of the same four fields; `now` is the calling node's clock, like the memory store's, and the key expires
 * once it has been quiet for a whole window, when it would be forgotten anyway.
 */
const STRIKE_SCRIPT = `
local op, now = ARGV[1], tonumber(ARGV[2])
local perWindow, windowMs = tonumber(ARGV[3]), tonumber(ARGV[4])
local firstBlockMs, maxBlockMs = tonumber(ARGV[5]), tonumber(ARGV[6])
local tally = redis.call('HMGET', KEYS[1], 'strikes', 'since', 'blockedUntil', 'lastBlockMs')
local strikes, since = tonumber(tally[1]) or 0, tonumber(tally[2]) or now
local blockedUntil, lastBlockMs = tonumber(tally[3]) or 0, tonumber(tally[4]) or 0
local wait = math.max(0, blockedUntil - now)
if op == 'wait' or (op == 'admit' and wait > 0) then return wait end
if now - since >= windowMs then strikes, since, lastBlockMs = 0, now, 0 end
strikes = strikes + 1
if strikes >= perWindow then
  lastBlockMs = math.min(maxBlockMs, lastBlockMs == 0 and firstBlockMs or lastBlockMs * 2)
  blockedUntil = now + lastBlockMs
  strikes = 0
  since = blockedUntil
end
redis.call('HSET', KEYS[1], 'strikes', strikes, 'since', since, 'blockedUntil', blockedUntil, 'lastBlockMs', lastBlockMs)
redis.call('PEXPIRE', KEYS[1], math.max(1, math.ceil(since + windowMs - now)))
return wait
`;

const COMMAND = 'ettorStrike';

interface StrikeCommand {
  [COMMAND](key: string, op: 'wait' | 'strike' | 'admit', ...args: number[]): Promise<number>;
}

export interface RedisStrikeOptions {
  /** A connected client that is not in subscriber mode. */
  client: Redis;
  /** Put before every key, so several installations can share one Redis. */
  prefix: string;
  /** Told when Redis stops answering and the limits fall back to this node's memory; once until it answers again. */
  onError: (error: unknown) => void;
  /** How long a call waits for Redis before it counts as not answering. */
  timeoutMs?: number;
}

/**
 * Each limit counted in Redis under `${prefix}strikes:${name}:${key}`, shared by every node. Whenever Redis is not
 * connected, fails or is slow, that call is answered by this node's memory instead: a limit must never take sign-in
 * or joining down, and one node's limits still hold meanwhile.
 */
export function redisStrikeStores({ client, prefix, onError, timeoutMs = 1000 }: RedisStrikeOptions): StrikeStores {
  client.defineCommand(COMMAND, { numberOfKeys: 1, lua: STRIKE_SCRIPT });
  const redis = client as Redis & StrikeCommand;
  let failing = false;

  async function either<T>(shared: () => Promise<T>, local: () => Promise<T>): Promise<T> {
    try {
      // A client that is not connected would queue the call until it is; this node's memory answers now.
      if (client.status !== 'ready') throw new Error(`Redis is not connected (${client.status})`);
      const result = await withTimeout(shared(), timeoutMs);
      failing = false;
      return result;
    } catch (error) {
      if (!failing) onError(error);
      failing = true;
      return local();
    }
  }

  return (name, rules, now) => {
    const local = memoryStrikeStores(name, rules, now);
    const keyOf = (key: string) => `${prefix}strikes:${name}:${key}`;
    const run = (op: 'wait' | 'strike' | 'admit', key: string) =>
      redis[COMMAND](keyOf(key), op, now(), rules.perWindow, rules.windowMs, rules.firstBlockMs, rules.maxBlockMs);
    return {
      waitFor: (key) =>
        either(
          () => run('wait', key),
          () => local.waitFor(key),
        ),
      strike: (key) =>
        either(
          async () => void (await run('strike', key)),
          () => local.strike(key),
        ),
      admit: (key) =>
        either(
          () => run('admit', key),
          () => local.admit(key),
        ),
      async forget(key) {
        // Both places, so strikes counted here during an outage do not come back with the next one.
        await local.forget(key);
        await either(
          async () => void (await client.del(keyOf(key))),
          async () => undefined,
        );
      },
    };
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
