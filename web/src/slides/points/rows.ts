import type { PointsResults, PointsSlide } from '@ettor/protocol';

export interface PointsRow {
  id: string;
  label: string;
  /** The item's place on the slide, which gives it its colour wherever its rank takes it. */
  index: number;
  total: number;
  /** Mean points per respondent; null before anyone answered. */
  mean: number | null;
  /** People who gave the item any points. */
  n: number;
  /** The item's part of all points given, 0..1. */
  share: number;
}

/** Pairs every item with its results, in the slide's order, zeros before any answer. */
export function pointsRows(slide: PointsSlide, results: PointsResults | undefined): PointsRow[] {
  const byId = new Map(results?.items.map((item) => [item.itemId, item]));
  const respondents = results?.respondents ?? 0;
  const all = slide.items.reduce((sum, item) => sum + (byId.get(item.id)?.total ?? 0), 0);
  return slide.items.map(({ id, label }, index) => {
    const found = byId.get(id);
    const total = found?.total ?? 0;
    return {
      id,
      label,
      index,
      total,
      mean: found?.mean ?? (respondents > 0 ? 0 : null),
      n: found?.n ?? 0,
      share: all > 0 ? total / all : 0,
    };
  });
}

/** The rows by mean points, most first; equal means keep the slide's order, so ties do not shuffle. */
export function byMean(rows: readonly PointsRow[]): PointsRow[] {
  return [...rows].sort((a, b) => (b.mean ?? 0) - (a.mean ?? 0) || a.index - b.index);
}
