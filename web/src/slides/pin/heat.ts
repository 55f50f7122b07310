// The big screen's heat layer: colours for the cells, and the densest places that get a label of their own.
import { inRegion, PIN_LIMITS, type PinArea, type PinResults } from '@ettor/protocol';

type Cell = PinResults['cells'][number];

/**
 * ColorBrewer's YlOrRd, pale yellow to dark red: lightness falls at every step, so the order reads in greyscale and
 * for colour-blind viewers. Drawn with a black edge inside a white halo, so the layer stands out on light and dark images.
 */
export const HEAT_RAMP = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'] as const;

/** A cell's colour: one pin is the ramp's pale end and the slide's densest cell its dark end; alone, a count sits mid-ramp. */
export function heatColour(count: number, densest: number): string {
  const position = densest <= 1 ? 0.5 : (count - 1) / (densest - 1);
  const index = Math.round(Math.min(1, Math.max(0, position)) * (HEAT_RAMP.length - 1));
  return HEAT_RAMP[index] ?? HEAT_RAMP[0];
}

/** A dense place: the cells within one cell of `column`, `row`, and the pins in them. */
export interface Spot {
  column: number;
  row: number;
  count: number;
}

const centreOf = (column: number, row: number) => ({ x: (column + 0.5) / PIN_LIMITS.cells, y: (row + 0.5) / PIN_LIMITS.cells });

/** The middle of a spot, in shares of the image. */
export const spotCentre = (spot: Spot) => centreOf(spot.column, spot.row);

/** The frame drawn round a spot, in cells: its cells and a little room, so the frame does not cover them; never off the image. */
export function spotFrame(spot: Spot): { x: number; y: number; width: number; height: number } {
  const room = 0.25;
  const { cells: size } = PIN_LIMITS;
  const from = (at: number) => Math.max(0, at - 1 - room);
  const to = (at: number) => Math.min(size, at + 2 + room);
  return { x: from(spot.column), y: from(spot.row), width: to(spot.column) - from(spot.column), height: to(spot.row) - from(spot.row) };
}

/**
 * The densest places outside the named regions (which carry their own counts): each non-empty cell with its eight
 * neighbours, the fullest first, none overlapping another, each of at least two pins, at most `limit`.
 */
export function densestSpots(cells: readonly Cell[], regions: readonly PinArea[], limit = 3): Spot[] {
  const { cells: size } = PIN_LIMITS;
  const outside = cells.filter(({ column, row }) => !regions.some((region) => inRegion(centreOf(column, row), region)));
  const counts = new Map(outside.map(({ column, row, count }) => [row * size + column, count]));
  const countAt = (column: number, row: number) => (column < 0 || column >= size ? 0 : (counts.get(row * size + column) ?? 0));
  const around = (column: number, row: number) => {
    let sum = 0;
    for (let dr = -1; dr <= 1; dr += 1) for (let dc = -1; dc <= 1; dc += 1) sum += countAt(column + dc, row + dr);
    return sum;
  };
  const candidates = outside
    .map(({ column, row }) => ({ column, row, count: around(column, row) }))
    .filter((spot) => spot.count >= 2)
    .sort((a, b) => b.count - a.count || a.row - b.row || a.column - b.column);
  const picked: Spot[] = [];
  for (const spot of candidates) {
    if (picked.length >= limit) break;
    if (picked.every((other) => Math.abs(other.column - spot.column) > 2 || Math.abs(other.row - spot.row) > 2)) picked.push(spot);
  }
  return picked;
}
