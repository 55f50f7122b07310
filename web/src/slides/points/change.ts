import type { PointsResults } from '@ettor/protocol';
import { type Change, changeOf } from '../../results/change';

/** Each item's change of mean points, in the later run's order; an item the baseline lacks gives no change. */
export function pointsChange(baseline: PointsResults, later: PointsResults): { itemId: string; change: Change }[] {
  const before = new Map(baseline.items.map((item) => [item.itemId, item.mean]));
  return later.items.map(({ itemId, mean }) => ({ itemId, change: changeOf(before.get(itemId) ?? null, mean) }));
}
