// The big screen's order of questions. A room upvotes all the time; rows that moved at every vote could not be read from
// the back of the room, so an order stands for a while before the next replaces it. Pure, so it is tested without a clock.
import { byVotes, isPublicQuestion, type QaQuestion } from '@ettor/protocol';

/** How long an order stands before a newer one may replace it. */
export const HOLD_MS = 4000;

/** The order on the screen, and when it last moved. */
export interface Hold {
  readonly ids: readonly string[];
  readonly since: number;
}

/** Nothing shown yet, so the first order applies at once. */
export const NO_HOLD: Hold = { ids: [], since: Number.NEGATIVE_INFINITY };

export interface Arranged<T> {
  /** What to draw, with each item's latest data. */
  shown: T[];
  hold: Hold;
  /** When the order held back is due, on the clock of `now`; null when the screen shows the latest order. */
  due: number | null;
}

/**
 * The first `limit` of `ranked` as the screen may show them at `now`. Within `holdMs` of the last move, the shown items
 * keep their places: one gone from `ranked` (hidden, say) leaves at once, and one new to the top only fills a free
 * place at the end. Once the hold is over the latest order applies, and a new hold starts.
 */
export function arrange<T extends { id: string }>(
  hold: Hold,
  ranked: readonly T[],
  limit: number,
  now: number,
  holdMs = HOLD_MS,
): Arranged<T> {
  const byId = new Map(ranked.map((item) => [item.id, item]));
  const top = ranked.slice(0, limit);
  const kept = hold.ids.flatMap((id) => byId.get(id) ?? []).slice(0, limit);
  const keptIds = new Set(kept.map((item) => item.id));
  const calm = [...kept, ...top.filter((item) => !keptIds.has(item.id))].slice(0, limit);
  const ids = (items: readonly T[]) => items.map((item) => item.id);

  const settled = calm.length === top.length && calm.every((item, index) => item.id === top[index]?.id);
  if (settled) return { shown: calm, hold: { ids: ids(calm), since: hold.since }, due: null };
  if (now - hold.since >= holdMs) return { shown: top, hold: { ids: ids(top), since: now }, due: null };
  return { shown: calm, hold: { ids: ids(calm), since: hold.since }, due: hold.since + holdMs };
}

/** The questions the big screen may show: the pinned one apart, the rest not yet answered first, each part by votes. */
export function screenRanking(questions: readonly QaQuestion[]): { pinned: QaQuestion | null; ranked: QaQuestion[] } {
  const shown = questions.filter(isPublicQuestion);
  const pinned = shown.find((question) => question.pinned) ?? null;
  const ranked = shown.filter((question) => question !== pinned).sort((a, b) => Number(a.answered) - Number(b.answered) || byVotes(a, b));
  return { pinned, ranked };
}
