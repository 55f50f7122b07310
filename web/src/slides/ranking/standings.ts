import type { RankingItemResults, RankingResults, RankingSlide } from '@ettor/protocol';
import { t } from '../../i18n/i18n.svelte';

export interface Standing extends Omit<RankingItemResults, 'itemId'> {
  id: string;
  /** The item's label, or "Alternativ 3" for one left blank. */
  label: string;
  /** Where the item stands, 1 first; items level on mean place and points share one. Null while no one has ranked it. */
  position: number | null;
}

const level = (a: Standing, b: Standing) =>
  a.meanRank !== null && b.meanRank !== null && Math.abs(a.meanRank - b.meanRank) < 1e-9 && a.points === b.points;

/**
 * Every item of the slide with its results, best mean place first (ties: more points first, then the slide's order),
 * items no one has ranked last; one count per place, zeros before any answer.
 */
export function standings(slide: RankingSlide, results: RankingResults | undefined): Standing[] {
  const byId = new Map(results?.items.map((item) => [item.itemId, item]));
  const rows = slide.items.map(({ id, label }, index): Standing => {
    const found = byId.get(id);
    return {
      id,
      label: label || t('ranking.untitled', { n: index + 1 }),
      places: slide.items.map((_, place) => found?.places[place] ?? 0),
      n: found?.n ?? 0,
      meanRank: found?.meanRank ?? null,
      points: found?.points ?? 0,
      position: null,
    };
  });
  const sorted = rows.toSorted((a, b) => {
    if (a.meanRank === null || b.meanRank === null) return (a.meanRank === null ? 1 : 0) - (b.meanRank === null ? 1 : 0);
    return a.meanRank - b.meanRank || b.points - a.points;
  });
  sorted.forEach((row, index) => {
    const previous = sorted[index - 1];
    if (row.meanRank !== null) row.position = previous && level(previous, row) ? previous.position : index + 1;
  });
  return sorted;
}
