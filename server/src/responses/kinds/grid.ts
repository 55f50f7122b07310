import type { GridItemResults, GridPlacement } from '@ettor/protocol';
import { type KindTally, noShownText } from './kind.js';

/** Sums of the placements of one item, enough for a mean and a spread on each scale. Whole numbers only, so removing is exact. */
interface Sums {
  n: number;
  x: number;
  y: number;
  xx: number;
  yy: number;
}

interface GridCounts {
  respondents: number;
  /**
   * Sums per item id, then per the larger of a placement's two values. A slide edited to a lower top of its scales
   * then leaves out exactly the placements that no longer fit on it, with no recount, and takes them back when the
   * top is raised again; a result reads at most one entry per value the scales can have.
   */
  items: Map<string, Map<number, Sums>>;
}

function count(counts: GridCounts, placements: readonly GridPlacement[], sign: 1 | -1): void {
  counts.respondents += sign;
  for (const { itemId, x, y } of placements) {
    const byReach = counts.items.get(itemId) ?? new Map<number, Sums>();
    const reach = Math.max(x, y);
    const sums = byReach.get(reach) ?? { n: 0, x: 0, y: 0, xx: 0, yy: 0 };
    sums.n += sign;
    sums.x += sign * x;
    sums.y += sign * y;
    sums.xx += sign * x * x;
    sums.yy += sign * y * y;
    // Dropped at zero, so that changed answers do not leave the maps growing.
    if (sums.n === 0) byReach.delete(reach);
    else byReach.set(reach, sums);
    if (byReach.size === 0) counts.items.delete(itemId);
    else counts.items.set(itemId, byReach);
  }
}

/** Population standard deviation from whole-number sums: (n·Σv² − (Σv)²) is exact, so equal values give exactly 0. */
const spread = (n: number, sum: number, squares: number): number => Math.sqrt(Math.max(0, n * squares - sum * sum)) / n;

/** One item's n, means and spreads from the placements that fit on scales from 0 to `max`. */
function summarise(itemId: string, byReach: ReadonlyMap<number, Sums> | undefined, max: number): GridItemResults {
  const total: Sums = { n: 0, x: 0, y: 0, xx: 0, yy: 0 };
  for (const [reach, sums] of byReach ?? []) {
    if (reach > max) continue;
    total.n += sums.n;
    total.x += sums.x;
    total.y += sums.y;
    total.xx += sums.xx;
    total.yy += sums.yy;
  }
  const { n } = total;
  if (n === 0) return { itemId, n, meanX: null, meanY: null, sdX: null, sdY: null, hidden: false };
  return {
    itemId,
    n,
    meanX: total.x / n,
    meanY: total.y / n,
    sdX: spread(n, total.x, total.xx),
    sdY: spread(n, total.y, total.yy),
    hidden: false,
  };
}

/** Items placed on two scales: per item, how many placed it and the mean and spread of their places on each scale. */
export const gridTally: KindTally<'grid', GridCounts, readonly GridPlacement[]> = {
  empty: () => ({ respondents: 0, items: new Map() }),
  ...noShownText,
  held: ({ answer }) => answer.placements,
  add: (counts, placements) => count(counts, placements, 1),
  remove: (counts, placements) => count(counts, placements, -1),
  results: (slide, counts) => ({
    kind: 'grid',
    slideId: slide.id,
    respondents: counts.respondents,
    items: slide.items.map(({ id }) => summarise(id, counts.items.get(id), slide.max)),
  }),
};
