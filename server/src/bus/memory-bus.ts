import { type Bus, type SessionEvent, type SessionEventHandler, newNodeName } from './bus.js';

/** The single-node bus: delivers on the next microtask, so publishers never run subscribers inline. */
export function createMemoryBus(node: string = newNodeName()): Bus {
  const handlers = new Map<string, Set<SessionEventHandler>>();
  return {
    node,
    async publish(sessionId: string, event: SessionEvent) {
      const subscribers = handlers.get(sessionId);
      if (!subscribers) return;
      await Promise.resolve();
      for (const handler of subscribers) handler(event);
    },
    subscribe(sessionId: string, handler: SessionEventHandler) {
      let subscribers = handlers.get(sessionId);
      if (!subscribers) {
        subscribers = new Set();
        handlers.set(sessionId, subscribers);
      }
      subscribers.add(handler);
      return () => {
        subscribers.delete(handler);
        if (subscribers.size === 0) handlers.delete(sessionId);
      };
    },
    problem: () => undefined,
    async close() {
      handlers.clear();
    },
  };
}
