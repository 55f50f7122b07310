import type { GridResults } from '@ettor/protocol';
import { type Change, changeOf } from '../../results/change';
import type { AxisKey } from './axis';

/** Each item's change of mean on one axis, in the later run's order; an item the baseline lacks gives no change. */
export function gridChange(baseline: GridResults, later: GridResults, axis: AxisKey): { itemId: string; change: Change }[] {
  const mean = axis === 'x' ? 'meanX' : 'meanY';
  const before = new Map(baseline.items.map((item) => [item.itemId, item]));
  return later.items.map((item) => {
    const earlier = before.get(item.itemId);
    return { itemId: item.itemId, change: changeOf(earlier?.[mean] ?? null, item[mean], item.hidden || earlier?.hidden === true) };
  });
}
