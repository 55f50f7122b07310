import type { RankingResults } from '@ettor/protocol';
import { type Change, changeOf } from '../../results/change';

/** Each item's change of mean place, in the later run's order; an item the baseline lacks gives no change. Lower is better. */
export function rankingChange(baseline: RankingResults, later: RankingResults): { itemId: string; change: Change }[] {
  const before = new Map(baseline.items.map((item) => [item.itemId, item.meanRank]));
  return later.items.map(({ itemId, meanRank }) => ({ itemId, change: changeOf(before.get(itemId) ?? null, meanRank) }));
}
