import type { PointsAllocation } from '@ettor/protocol';
import { type KindTally, addCount, noShownText } from './kind.js';

interface PointsCounts {
  respondents: number;
  /** Points given per item id, on the slide now or not, so an item put back keeps its points. */
  totals: Map<string, number>;
  /** People who gave each item id any points. */
  givers: Map<string, number>;
}

function count(counts: PointsCounts, allocations: readonly PointsAllocation[], sign: 1 | -1): void {
  counts.respondents += sign;
  for (const { itemId, points } of allocations) {
    // Stored answers hold no zeros, but counting a giver only for points keeps n honest whatever was stored.
    if (points === 0) continue;
    addCount(counts.totals, itemId, sign * points);
    addCount(counts.givers, itemId, sign);
  }
}

/** A budget spread over items: points and givers per item, and the mean per respondent. */
export const pointsTally: KindTally<'points', PointsCounts, readonly PointsAllocation[]> = {
  empty: () => ({ respondents: 0, totals: new Map(), givers: new Map() }),
  ...noShownText,
  held: ({ answer }) => answer.allocations,
  add: (counts, allocations) => count(counts, allocations, 1),
  remove: (counts, allocations) => count(counts, allocations, -1),
  results(slide, counts) {
    const { respondents } = counts;
    const items = slide.items.map(({ id }) => {
      const total = counts.totals.get(id) ?? 0;
      // Everyone who answered counts in the mean, an item they gave nothing counting as 0 for them.
      return { itemId: id, total, mean: respondents > 0 ? total / respondents : null, n: counts.givers.get(id) ?? 0 };
    });
    return { kind: 'points', slideId: slide.id, respondents, items };
  },
};
