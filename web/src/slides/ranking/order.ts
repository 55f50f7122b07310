// The phone's order of a ranking: pure, so the form and its tests share it. No zod and no charts: the phone loads this.
import type { RankingItem } from '@ettor/protocol';

/**
 * A full order of the slide's items: the ids of `order` still on the slide, in that order, then the slide's other items
 * in the slide's order. An answer saved before the slide was edited (or none) thus becomes an answer the rules accept.
 */
export function arrange(items: readonly RankingItem[], order: readonly string[]): string[] {
  const onSlide = new Set(items.map((item) => item.id));
  const kept = [...new Set(order)].filter((id) => onSlide.has(id));
  const placed = new Set(kept);
  return [...kept, ...items.filter((item) => !placed.has(item.id)).map((item) => item.id)];
}

/** The order with the id at index `from` moved to index `to`, the others closing up around it. */
export function moved(order: readonly string[], from: number, to: number): string[] {
  const next = [...order];
  const [id] = next.splice(from, 1);
  if (id === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, id);
  return next;
}

export function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}
