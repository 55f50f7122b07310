import type { RankingItemResults } from '@ettor/protocol';
import { type KindTally, noShownText } from './kind.js';

/** One item of one answer: the item, and the items that person put above it. */
interface Placed {
  itemId: string;
  /** Ids ranked above the item, sorted, so the same set always gives the same key. */
  above: readonly string[];
  key: string;
}

/** People who put an item below exactly the same set of other items. */
interface AboveCount {
  above: readonly string[];
  count: number;
}

interface RankingCounts {
  respondents: number;
  /**
   * People per item id and the set of items they ranked above it. A person's place for an item on the slide as it is
   * now is 1 + how many of that set are still on it, so an item removed or added after answers needs no recount; a
   * slide of ten holds at most 2⁹ sets per item, however many answer.
   */
  items: Map<string, Map<string, AboveCount>>;
}

// Ids are letters, digits, - and _ (the slide schema's), so a space cannot occur inside one.
const keyOf = (above: readonly string[]) => above.join(' ');

function placed(order: readonly string[]): Placed[] {
  return order.map((itemId, index) => {
    const above = order.slice(0, index).toSorted();
    return { itemId, above, key: keyOf(above) };
  });
}

function count(counts: RankingCounts, held: readonly Placed[], sign: 1 | -1): void {
  counts.respondents += sign;
  for (const { itemId, above, key } of held) {
    const sets = counts.items.get(itemId) ?? new Map<string, AboveCount>();
    const entry = sets.get(key) ?? { above, count: 0 };
    entry.count += sign;
    if (entry.count === 0) sets.delete(key);
    else sets.set(key, entry);
    if (sets.size === 0) counts.items.delete(itemId);
    else counts.items.set(itemId, sets);
  }
}

/** An item's places, mean place and Borda points among the items on the slide now. */
function itemResults(itemId: string, sets: ReadonlyMap<string, AboveCount> | undefined, onSlide: ReadonlySet<string>): RankingItemResults {
  const places = new Array<number>(onSlide.size).fill(0);
  let n = 0;
  let placeSum = 0;
  for (const { above, count: people } of sets?.values() ?? []) {
    const place = 1 + above.filter((id) => onSlide.has(id)).length;
    places[place - 1] = (places[place - 1] ?? 0) + people;
    n += people;
    placeSum += place * people;
  }
  return { itemId, places, n, meanRank: n > 0 ? placeSum / n : null, points: onSlide.size * n - placeSum };
}

/** Items put in order, most important first: people per place, mean place and Borda points per item. */
export const rankingTally: KindTally<'ranking', RankingCounts, readonly Placed[]> = {
  empty: () => ({ respondents: 0, items: new Map() }),
  ...noShownText,
  held: ({ answer }) => placed(answer.order),
  add: (counts, held) => count(counts, held, 1),
  remove: (counts, held) => count(counts, held, -1),
  results(slide, counts) {
    const onSlide = new Set(slide.items.map((item) => item.id));
    return {
      kind: 'ranking',
      slideId: slide.id,
      respondents: counts.respondents,
      items: slide.items.map(({ id }) => itemResults(id, counts.items.get(id), onSlide)),
    };
  },
};
