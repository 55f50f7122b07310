import { REACTION_LIMITS, type Reaction } from '@ettor/protocol';
import type { Bus } from '../bus/bus.js';
import type { Db } from '../db/database.js';
import { readSlideTotals } from './reactions.repository.js';

export type ReactionsService = ReturnType<typeof createReactionsService>;

/** A participant's allowance: tokens left and when it was last topped up. */
interface Allowance {
  tokens: number;
  at: number;
}

/** sessionId → slideId → counts gathered since the last flush. */
type Gathered = Map<string, Map<string, Map<Reaction, number>>>;

/**
 * Reactions are gathered in memory on each node and flushed every REACTION_LIMITS.flushMs as one count per slide:
 * stored (added to the slide's totals) and published, so 5,000 phones reacting at once cost the big screen one
 * message per flush, and the store one statement per slide and reaction.
 */
export function createReactionsService(deps: { db: Db; bus: Bus; now?: () => number; onError: (error: unknown) => void }) {
  const { db, bus, onError } = deps;
  const now = deps.now ?? Date.now;
  const allowances = new Map<string, Allowance>();
  let gathered: Gathered = new Map();
  let flushing: Promise<void> = Promise.resolve();

  /** Takes a token from the participant's bucket: a burst, then a steady rate. */
  function mayReact(participantId: string): boolean {
    const time = now();
    const allowance = allowances.get(participantId) ?? { tokens: REACTION_LIMITS.burst, at: time };
    const tokens = Math.min(REACTION_LIMITS.burst, allowance.tokens + ((time - allowance.at) / 1000) * REACTION_LIMITS.perSecond);
    if (tokens < 1) {
      allowances.set(participantId, { tokens, at: time });
      return false;
    }
    allowances.set(participantId, { tokens: tokens - 1, at: time });
    return true;
  }

  async function store(batch: Gathered): Promise<void> {
    for (const [sessionId, slides] of batch) {
      for (const [slideId, counts] of slides) {
        // One slide's failure (its session deleted meanwhile) must not cost every other slide its reactions.
        await storeSlide(sessionId, slideId, counts).catch(onError);
      }
    }
  }

  async function storeSlide(sessionId: string, slideId: string, counts: Map<Reaction, number>): Promise<void> {
    const totals = await db.transaction().execute(async (trx) => {
      for (const [reaction, count] of counts) {
        await trx
          .insertInto('slide_reactions')
          .values({ session_id: sessionId, slide_id: slideId, reaction, count })
          .onConflict((oc) =>
            oc.columns(['session_id', 'slide_id', 'reaction']).doUpdateSet((eb) => ({ count: eb('slide_reactions.count', '+', count) })),
          )
          .execute();
      }
      return readSlideTotals(trx, sessionId, slideId);
    });
    await bus.publish(sessionId, { type: 'reactions', slideId, added: Object.fromEntries(counts), totals });
  }

  function flush(): Promise<void> {
    const batch = gathered;
    gathered = new Map();
    // An allowance that has filled up again is the same as none.
    const full = now() - (REACTION_LIMITS.burst / REACTION_LIMITS.perSecond) * 1000;
    for (const [participantId, allowance] of allowances) if (allowance.at < full) allowances.delete(participantId);
    flushing = flushing.then(() => (batch.size === 0 ? undefined : store(batch))).catch(onError);
    return flushing;
  }

  const timer = setInterval(() => void flush(), REACTION_LIMITS.flushMs);
  timer.unref();

  return {
    /** Counts a reaction to a slide unless the participant is over the rate; false when refused. */
    add(sessionId: string, slideId: string, participantId: string, reaction: Reaction): boolean {
      if (!mayReact(participantId)) return false;
      let slides = gathered.get(sessionId);
      if (!slides) gathered.set(sessionId, (slides = new Map()));
      let counts = slides.get(slideId);
      if (!counts) slides.set(slideId, (counts = new Map()));
      counts.set(reaction, (counts.get(reaction) ?? 0) + 1);
      return true;
    },

    /** A slide's stored totals, for a presenter's page that just connected. */
    totals: (sessionId: string, slideId: string) => readSlideTotals(db, sessionId, slideId),

    /** Stores what was gathered and stops; for shutting down. */
    async close(): Promise<void> {
      clearInterval(timer);
      await flush();
    },

    flush,
  };
}
