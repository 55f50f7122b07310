// Where the big screen draws a grid's plot, its dots and their labels: pure geometry, tested without a browser.

/**
 * The drawing's own units. The SVG scales with the stage; wider than the results area is tall (about 90 × 36 units
 * of the stage), so the square plot takes the height and the legend the width beside it. At 1080p one unit is about
 * 1.6 px, so a size of 16 is 25 px: nothing smaller is drawn.
 */
export const VIEW = { width: 1000, height: 460 } as const;

/** The square plot, its left edge leaving room for the y axis's name, end words and numbers. */
export const PLOT = { left: 112, top: 14, size: 350 } as const;
export const PLOT_RIGHT = PLOT.left + PLOT.size;
export const PLOT_BOTTOM = PLOT.top + PLOT.size;

/** The legend beside the plot: the items with their figures, as a small table. */
export const LEGEND = { left: 500, right: VIEW.width } as const;

export const DOT_RADIUS = 11;

/** An average character's width as a share of the font size, for fitting words to a width without measuring them. */
const CHAR_WIDTH = 0.56;

/** How many characters of a font size fit a width. */
export const charsIn = (width: number, fontSize: number): number => Math.max(1, Math.floor(width / (fontSize * CHAR_WIDTH)));

/** Where a value pair sits in the plot: x to the right, y upwards, 0..max filling the square. */
export function plotPoint(x: number, y: number, max: number): { cx: number; cy: number } {
  return { cx: PLOT.left + (x / max) * PLOT.size, cy: PLOT_BOTTOM - (y / max) * PLOT.size };
}

/** The arms of a cross of ±1 standard deviation around a dot, as boxes a label should keep off. */
export function crossArms(cx: number, cy: number, rx: number, ry: number): Box[] {
  const half = 5;
  return [
    ...(rx > 0 ? [{ left: cx - rx, top: cy - half, right: cx + rx, bottom: cy + half }] : []),
    ...(ry > 0 ? [{ left: cx - half, top: cy - ry, right: cx + half, bottom: cy + ry }] : []),
  ];
}

/** A length on the scale (a standard deviation) in drawing units. */
export const plotLength = (value: number, max: number): number => (value / max) * PLOT.size;

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A dot to label. */
export interface Mark {
  id: string;
  cx: number;
  cy: number;
  text: string;
}

export interface PlacedLabel {
  id: string;
  /** The start of the text's baseline, by `anchor`. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** A line from the dot to a label pushed away from it by its neighbours; null for a label right beside its dot. */
  leader: { x1: number; y1: number; x2: number; y2: number } | null;
}

interface Candidate {
  /** Direction from the dot: -1, 0 or 1 on each axis. */
  dx: -1 | 0 | 1;
  dy: -1 | 0 | 1;
  /** 1 beside the dot, 2 further out with a leader line. */
  ring: 1 | 2;
}

// Right first (where a reader looks), then the other sides and the corners, then the same further out.
const DIRECTIONS: readonly Pick<Candidate, 'dx' | 'dy'>[] = [
  { dx: 1, dy: 0 },
  { dx: -1, dy: 0 },
  { dx: 0, dy: -1 },
  { dx: 0, dy: 1 },
  { dx: 1, dy: -1 },
  { dx: 1, dy: 1 },
  { dx: -1, dy: -1 },
  { dx: -1, dy: 1 },
];
const CANDIDATES: readonly Candidate[] = [1, 2].flatMap((ring) => DIRECTIONS.map((direction) => ({ ...direction, ring: ring as 1 | 2 })));

const overlap = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) * Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

const area = (box: Box): number => (box.right - box.left) * (box.bottom - box.top);

/** The part of a box outside the bounds. */
const outside = (box: Box, bounds: Box): number => area(box) - overlap(box, bounds);

/** A label's box and where its text starts, for one candidate place around its dot. */
function layout(mark: Mark, candidate: Candidate, fontSize: number, radius: number) {
  const width = mark.text.length * fontSize * CHAR_WIDTH;
  const ascent = fontSize * 0.8;
  const height = fontSize * 1.05;
  const gap = radius + 6 + (candidate.ring - 1) * fontSize * 1.8;
  // The box's reference point: beside the dot on each axis the label moves along.
  const diagonal = candidate.dx !== 0 && candidate.dy !== 0 ? Math.SQRT1_2 : 1;
  const px = mark.cx + candidate.dx * gap * diagonal;
  const py = mark.cy + candidate.dy * gap * diagonal;
  const left = candidate.dx === 1 ? px : candidate.dx === -1 ? px - width : px - width / 2;
  const top = candidate.dy === 1 ? py : candidate.dy === -1 ? py - height : py - height / 2;
  const box: Box = { left, top, right: left + width, bottom: top + height };
  const anchor: PlacedLabel['anchor'] = candidate.dx === 1 ? 'start' : candidate.dx === -1 ? 'end' : 'middle';
  const x = anchor === 'start' ? box.left : anchor === 'end' ? box.right : (box.left + box.right) / 2;
  return { box, x, y: box.top + ascent, anchor };
}

/**
 * Puts each dot's label beside it where it covers no other label, no other dot, none of the other marks drawn (the
 * spreads' crosses) and stays in the bounds: the first free place of a fixed order, else the place that covers least.
 * Labels pushed further out get a line to their dot. Greedy in the order given, so the same results always draw the
 * same picture.
 */
export function placeLabels(
  marks: readonly Mark[],
  fontSize: number,
  bounds: Box,
  obstacles: readonly Box[] = [],
  radius = DOT_RADIUS,
): PlacedLabel[] {
  const dots: Box[] = marks.map(({ cx, cy }) => ({ left: cx - radius, top: cy - radius, right: cx + radius, bottom: cy + radius }));
  const taken: Box[] = [];
  return marks.map((mark, index) => {
    let best: { score: number; candidate: Candidate; placed: ReturnType<typeof layout> } | undefined;
    for (const candidate of CANDIDATES) {
      const placed = layout(mark, candidate, fontSize, radius);
      const score =
        taken.reduce((sum, box) => sum + overlap(placed.box, box), 0) +
        dots.reduce((sum, dot, other) => sum + (other === index ? 0 : overlap(placed.box, dot)), 0) +
        obstacles.reduce((sum, box) => sum + overlap(placed.box, box), 0) +
        // Leaving the plot is worse than covering a little of a neighbour.
        4 * outside(placed.box, bounds) +
        // Further out only when it helps, so that a label stays by its dot where it can.
        (candidate.ring - 1) * 0.5;
      if (best === undefined || score < best.score) best = { score, candidate, placed };
      if (score === 0) break;
    }
    // There is always a candidate; the fallback only satisfies the type.
    const { candidate, placed } = best ?? { candidate: CANDIDATES[0]!, placed: layout(mark, CANDIDATES[0]!, fontSize, radius) };
    taken.push(placed.box);
    const leader =
      candidate.ring === 1
        ? null
        : {
            x1: mark.cx,
            y1: mark.cy,
            x2: Math.min(Math.max(mark.cx, placed.box.left), placed.box.right),
            y2: Math.min(Math.max(mark.cy, placed.box.top), placed.box.bottom),
          };
    return { id: mark.id, x: placed.x, y: placed.y, anchor: placed.anchor, leader };
  });
}
