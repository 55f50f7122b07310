import type { GridItemResults, GridResults, GridSlide } from '@ettor/protocol';

export interface ItemRow extends Omit<GridItemResults, 'itemId'> {
  id: string;
  label: string;
  /** The item's place in the slide, which picks its colour. */
  index: number;
}

/** Pairs every item with its results, in the slide's order; an item without results (none yet, or added since) placed by nobody. */
export function itemRows(slide: GridSlide, results: GridResults | undefined): ItemRow[] {
  const byId = new Map(results?.items.map((item) => [item.itemId, item]));
  return slide.items.map(({ id, label }, index) => {
    const found = byId.get(id);
    return {
      id,
      label,
      index,
      n: found?.n ?? 0,
      meanX: found?.meanX ?? null,
      meanY: found?.meanY ?? null,
      sdX: found?.sdX ?? null,
      sdY: found?.sdY ?? null,
      hidden: found?.hidden ?? false,
    };
  });
}

/** A row with a place to draw: placed by someone and not withheld. */
export type PlacedRow = ItemRow & { meanX: number; meanY: number };

export const isPlaced = (row: ItemRow): row is PlacedRow => !row.hidden && row.meanX !== null && row.meanY !== null;
