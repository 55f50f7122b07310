import { PIN_LIMITS, type PinArea, inRegion, pinCell } from '@ettor/protocol';
import { type KindTally, addCount, noShownText } from './kind.js';

/** Pins are stored to thousandths of the image, so a point is two whole numbers 0..SCALE. */
const SCALE = 10 ** PIN_LIMITS.decimals;

/** What one answer adds: its point as stored, and the keys it is counted under. */
interface HeldPin {
  x: number;
  y: number;
  /** The point in thousandths, x * (SCALE + 1) + y: equal for two pins exactly when their stored points are. */
  point: number;
  /** The heat-layer cell, row * cells + column. */
  cell: number;
}

/**
 * Regions are drawn on the image after the answers come in and are moved while they do, so region counts cannot
 * be kept per region id alone. The counts keep pins per distinct stored point (bounded by the 1001² points a pin
 * can take, in practice a few hundred) and per cell, both independent of the slide; and, as a cache, pins per
 * region shape for the shapes of the slide last counted, and the pins in none of those shapes. add and remove keep
 * the cached shapes and the outside count up to date (at most maxRegions shapes), so a delivery costs the size of
 * the results; a shape seen for the first time, after an edit, is counted once from the distinct points, and so is
 * the outside count when the set of shapes changes.
 */
interface PinCounts {
  respondents: number;
  points: Map<number, number>;
  cells: Map<number, number>;
  shapes: Map<string, { area: PinArea; count: number }>;
  /** Pins in none of the cached shapes; `shapes` is the set of shapes it was counted for (shapesKey). */
  outside: { shapes: string; count: number };
}

const shapeKey = ({ x, y, width, height }: PinArea) => `${x} ${y} ${width} ${height}`;

/** The key of a set of shapes, whatever their order: the outside count holds for exactly one such set. */
const shapesKey = (shapes: Iterable<string>) => [...shapes].sort().join('|');

function count(counts: PinCounts, pin: HeldPin, sign: 1 | -1): void {
  counts.respondents += sign;
  addCount(counts.points, pin.point, sign);
  addCount(counts.cells, pin.cell, sign);
  let inside = false;
  for (const shape of counts.shapes.values()) {
    if (inRegion(pin, shape.area)) {
      shape.count += sign;
      inside = true;
    }
  }
  if (!inside) counts.outside.count += sign;
}

/** A distinct point's place on the image; the same division as held() makes, so a pin is where it was counted. */
const pointAt = (point: number) => ({ x: Math.floor(point / (SCALE + 1)) / SCALE, y: (point % (SCALE + 1)) / SCALE });

/** Pins for which a test holds, from the distinct points: a point's pins all lie where it does. */
function countWhere(counts: PinCounts, test: (point: { x: number; y: number }) => boolean): number {
  let pins = 0;
  for (const [point, here] of counts.points) if (test(pointAt(point))) pins += here;
  return pins;
}

/** One point per person on an image: pins per heat-layer cell, pins inside each named region, and pins in none. */
export const pinTally: KindTally<'pin', PinCounts, HeldPin> = {
  empty: () => ({ respondents: 0, points: new Map(), cells: new Map(), shapes: new Map(), outside: { shapes: shapesKey([]), count: 0 } }),
  ...noShownText,
  held({ answer }) {
    const thousandthsX = Math.round(answer.x * SCALE);
    const thousandthsY = Math.round(answer.y * SCALE);
    // The same division as pointAt, so a pin is in a region whichever way it was counted.
    const x = thousandthsX / SCALE;
    const y = thousandthsY / SCALE;
    const { column, row } = pinCell(x, y);
    return { x, y, point: thousandthsX * (SCALE + 1) + thousandthsY, cell: row * PIN_LIMITS.cells + column };
  },
  add: (counts, pin) => count(counts, pin, 1),
  remove: (counts, pin) => count(counts, pin, -1),
  results(slide, counts) {
    const current = new Map(slide.regions.map((region) => [shapeKey(region), region]));
    for (const key of counts.shapes.keys()) if (!current.has(key)) counts.shapes.delete(key);
    for (const [key, region] of current) {
      if (!counts.shapes.has(key)) {
        const area = { x: region.x, y: region.y, width: region.width, height: region.height };
        counts.shapes.set(key, { area, count: countWhere(counts, (point) => inRegion(point, area)) });
      }
    }
    const shapes = shapesKey(counts.shapes.keys());
    if (counts.outside.shapes !== shapes) {
      const areas = [...counts.shapes.values()].map((shape) => shape.area);
      counts.outside = { shapes, count: countWhere(counts, (point) => !areas.some((area) => inRegion(point, area))) };
    }
    const cells = [...counts.cells]
      .sort(([a], [b]) => a - b)
      .map(([cell, pins]) => ({ column: cell % PIN_LIMITS.cells, row: Math.floor(cell / PIN_LIMITS.cells), count: pins }));
    return {
      kind: 'pin',
      slideId: slide.id,
      respondents: counts.respondents,
      cells,
      regions: slide.regions.map((region) => ({ regionId: region.id, count: counts.shapes.get(shapeKey(region))?.count ?? 0 })),
      outside: counts.outside.count,
    };
  },
};
