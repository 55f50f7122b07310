// The phone's draft of a grid answer changed one item at a time: pure, so it is tested without a browser.
import type { GridPlacement, GridSlide } from '@ettor/protocol';

export interface Place {
  x: number;
  y: number;
}

/** Where an item not yet placed starts on its sliders: the middle of both scales. */
export const startPlace = (max: number): Place => ({ x: Math.round(max / 2), y: Math.round(max / 2) });

/** A whole number on the scale from 0 to max, from any number (a stepper past an end, a rounding of a tap). */
export const onScale = (value: number, max: number): number => Math.min(max, Math.max(0, Math.round(value)));

/** The placements with one item placed (or moved) there, in the slide's order, as the rules will store them. */
export function withPlacement(slide: GridSlide, placements: readonly GridPlacement[], itemId: string, place: Place): GridPlacement[] {
  const byId = new Map(placements.map((placement) => [placement.itemId, placement]));
  byId.set(itemId, { itemId, x: onScale(place.x, slide.max), y: onScale(place.y, slide.max) });
  return slide.items.flatMap(({ id }) => {
    const found = byId.get(id);
    return found ? [{ ...found }] : [];
  });
}

/** The placements with one item taken off the grid: it is then not part of the answer. */
export function withoutPlacement(placements: readonly GridPlacement[], itemId: string): GridPlacement[] {
  return placements.filter((placement) => placement.itemId !== itemId).map((placement) => ({ ...placement }));
}

/** The value a tap at a share of the way along an axis (0 at its start, 1 at its end) stands for. */
export const valueAt = (share: number, max: number): number => onScale(share * max, max);
