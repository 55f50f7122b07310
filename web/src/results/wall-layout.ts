// How the big screen's text wall sets its cards: as many of the newest answers as read from the back of the room, in
// the grid and at the size that fill the results area.
import { largestFitting, lineCount, RESULTS_AREA as AREA } from './fit-text';

/** The most cards a wall shows; the newest are kept. */
export const MOST_CARDS = 12;
const MOST_COLUMNS = 4;
/** The text's size in stage units: 29 px at 1080p at the least, 96 px for a few short answers. */
export const CARD_SIZE = { min: 1.5, max: 5 };
/** A card's gaps, padding and line height, as TextWall's stylesheet sets them (stage units; the line in em). */
export const CARD = { gap: 1.2, padX: 1.6, padY: 1.2, edge: 0.6, line: 1.3 };
/** Cards about twice as wide as tall read best; of grids with the same type size, the one nearest that is taken. */
const CARD_ASPECT = 2;

export interface Wall {
  /** How many of the newest answers are shown. */
  shown: number;
  columns: number;
  rows: number;
  /** The cards' type size, in stage units. */
  size: number;
}

/** The grid that sets the most answers, newest first, at the largest size at which the longest still fits its card. */
export function wallLayout(texts: readonly string[]): Wall {
  for (let shown = Math.min(MOST_CARDS, texts.length); shown > 0; shown -= 1) {
    const showing = texts.slice(0, shown);
    let best: (Wall & { misfit: number }) | null = null;
    for (let columns = 1; columns <= Math.min(shown, MOST_COLUMNS); columns += 1) {
      const rows = Math.ceil(shown / columns);
      const width = (AREA.width - CARD.gap * (columns - 1)) / columns - 2 * CARD.padX - CARD.edge;
      const height = (AREA.height - CARD.gap * (rows - 1)) / rows - 2 * CARD.padY;
      const fits = (size: number) => showing.every((text) => lineCount(text, width / size) * size * CARD.line <= height);
      if (!fits(CARD_SIZE.min)) continue;
      const size = largestFitting(CARD_SIZE.min, CARD_SIZE.max, fits);
      const misfit = Math.abs(Math.log((width + 2 * CARD.padX) / (height + 2 * CARD.padY) / CARD_ASPECT));
      if (!best || size > best.size || (size === best.size && misfit < best.misfit)) best = { shown, columns, rows, size, misfit };
    }
    if (best) return { shown: best.shown, columns: best.columns, rows: best.rows, size: best.size };
  }
  // Nothing to show, or one answer longer than a wall holds, set as small as it may be.
  return { shown: Math.min(1, texts.length), columns: 1, rows: 1, size: CARD_SIZE.min };
}
