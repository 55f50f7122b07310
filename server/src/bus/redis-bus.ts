import { Redis } from 'ioredis';
import { z } from 'zod';
import type { Bus, SessionEvent } from './bus.js';
import { createMemoryBus } from './memory-bus.js';

export interface RedisBusOptions {
  url: string;
  /** Every channel this bus uses starts with it, so installations and tests can share one Redis. */
  prefix: string;
  node: string;
  log: { warn: (object: unknown, message: string) => void };
  /** How often, while Redis is away, every session on this node is counted from the store instead; tests shorten it. */
  pollMs?: number;
}

/** Publishes waiting for Redis at once; past this a slow Redis costs a resync, not memory. */
const MAX_IN_FLIGHT = 1000;
const DEFAULT_POLL_MS = 2000;
/** Subscriptions are renewed just before `ready`; the store is read again a moment after, so nothing falls in between. */
const RECOVERY_DELAY_MS = 250;
/** Reconnects try quickly, so a Redis back from a restart is used within a second or so. */
const retryStrategy = (attempt: number): number => Math.min(attempt * 100, 1000);

const EVENT_TYPES = [
  'state',
  'answers-stored',
  'answers-changed',
  'qa-changed',
  'deck-changed',
  'reactions',
  'presence',
  'resync',
] as const satisfies readonly SessionEvent['type'][];

/**
 * What nodes send each other. Only Ettor's own nodes write to these channels, so the event itself is trusted once its
 * envelope holds; `v` lets a node of another version, in a rolling upgrade, be ignored rather than misread.
 */
const envelopeSchema = z.object({
  v: z.literal(1),
  from: z.string().min(1),
  event: z.looseObject({ type: z.enum(EVENT_TYPES) }),
});

/**
 * The bus of a cluster: each event is delivered to this node's own subscribers at once and published on Redis for the
 * others. Redis holds nothing the store cannot rebuild: an event it loses (Redis down, a publish that failed) is
 * repaired by `resync` events, which make every room count from the store; while Redis is away, each room does so
 * every `pollMs`, and once more when it is back.
 */
export function createRedisBus(options: RedisBusOptions): Bus {
  const local = createMemoryBus(options.node);
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const channelPrefix = `${options.prefix}session:`;
  const publisher = new Redis(options.url, { retryStrategy, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000 });
  const subscriber = new Redis(options.url, { retryStrategy, autoResubscribe: true, maxRetriesPerRequest: null });
  /** Local subscribers per session: the channel is subscribed to while there are any. */
  const channels = new Map<string, number>();
  /** Sessions whose events other nodes may have missed: told to resync once publishing works again. At most one entry per session. */
  const missed = new Set<string>();
  let inFlight = 0;
  let lastError = '';
  /** Set when a connection failed; a first connection that works at once is no recovery. */
  let downSince: number | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let recoveryTimer: NodeJS.Timeout | undefined;
  let closing = false;

  const where = redactedUrl(options.url);
  const isUp = () => publisher.status === 'ready' && subscriber.status === 'ready';

  function resyncHere(): void {
    for (const sessionId of channels.keys()) void local.publish(sessionId, { type: 'resync' });
  }

  function wentDown(error?: Error): void {
    if (error) lastError = error.message;
    if (closing || downSince !== undefined) return;
    downSince = Date.now();
    clearTimeout(recoveryTimer);
    options.log.warn(
      { redis: where, err: error },
      'Redis is unreachable: answers are still stored; screens poll the store until it is back',
    );
    pollTimer = setInterval(resyncHere, pollMs);
    pollTimer.unref();
  }

  function cameUp(): void {
    if (closing || !isUp()) return;
    const wasDown = downSince !== undefined;
    downSince = undefined;
    clearInterval(pollTimer);
    for (const sessionId of missed) sendToOthers(sessionId, { type: 'resync' });
    missed.clear();
    if (!wasDown) return;
    recoveryTimer = setTimeout(resyncHere, RECOVERY_DELAY_MS);
    recoveryTimer.unref();
  }

  for (const client of [publisher, subscriber]) {
    client.on('error', (error: Error) => wentDown(error));
    client.on('close', () => wentDown());
    client.on('ready', cameUp);
  }

  subscriber.on('message', (channel: string, message: string) => {
    if (!channel.startsWith(channelPrefix)) return;
    let parsed: z.infer<typeof envelopeSchema>;
    try {
      parsed = envelopeSchema.parse(JSON.parse(message));
    } catch {
      return;
    }
    // This node's own events were delivered here when published.
    if (parsed.from === options.node) return;
    void local.publish(channel.slice(channelPrefix.length), parsed.event as SessionEvent);
  });

  function sendToOthers(sessionId: string, event: SessionEvent): void {
    if (publisher.status !== 'ready' || inFlight >= MAX_IN_FLIGHT) {
      missed.add(sessionId);
      return;
    }
    inFlight += 1;
    publisher
      .publish(channelPrefix + sessionId, JSON.stringify({ v: 1, from: options.node, event }))
      .catch((error: Error) => {
        lastError = error.message;
        missed.add(sessionId);
      })
      .finally(() => {
        inFlight -= 1;
      });
  }

  return {
    node: options.node,
    async publish(sessionId, event) {
      const delivered = local.publish(sessionId, event);
      sendToOthers(sessionId, event);
      await delivered;
    },
    subscribe(sessionId, handler) {
      const unsubscribe = local.subscribe(sessionId, handler);
      const count = channels.get(sessionId) ?? 0;
      channels.set(sessionId, count + 1);
      // Queued while disconnected; ioredis subscribes again to every channel after a reconnect.
      if (count === 0) subscriber.subscribe(channelPrefix + sessionId).catch((error: Error) => wentDown(error));
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        const left = (channels.get(sessionId) ?? 1) - 1;
        if (left > 0) {
          channels.set(sessionId, left);
          return;
        }
        channels.delete(sessionId);
        subscriber.unsubscribe(channelPrefix + sessionId).catch(() => undefined);
      };
    },
    problem() {
      if (isUp()) return undefined;
      const since = downSince === undefined ? '' : ` since ${new Date(downSince).toISOString()}`;
      return `Redis at ${where} is not connected${since}${lastError ? ` (${lastError})` : ''}; screens poll the database meanwhile`;
    },
    async close() {
      closing = true;
      clearInterval(pollTimer);
      clearTimeout(recoveryTimer);
      // Nothing is waiting to be sent that matters: what was not published is in the store.
      publisher.disconnect();
      subscriber.disconnect();
      await local.close();
    },
  };
}

/** The Redis address without its password, for logs and `/healthz`. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString();
}
