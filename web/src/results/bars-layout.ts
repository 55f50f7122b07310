// How the big screen's bars fill the results area: one column or two, and the one type size labels and figures share.
import { largestFitting, lineCount, RESULTS_AREA as AREA, textWidth } from './fit-text';

/** Labels and figures in stage units: 24 px at 1080p at the least, 69 px for a few short options. */
export const BAR_SIZE = { min: 1.25, max: 3.6 };
/** Gaps and heights as Bars' stylesheet sets them: the gaps in stage units, the rest in em of the type size. */
export const BAR = { columnGap: 4, rowGap: 1.5, labelLine: 1.2, labelGap: 0.3, bar: 1.5 };
/** The room between a bar and its figure, in em. */
export const FIGURE_GAP = 0.4;
/** Room after the longest bar for a figure as wide as "1 234 röster · 100 %", in em. */
const FIGURE_ROOM = textWidth('1 234 röster · 100 %', 'bold') + FIGURE_GAP;
/** A bar's track keeps at least this share of its column beside the figure. */
const TRACK_SHARE = 0.45;
const MOST_COLUMNS = 2;

export interface BarsLayout {
  columns: number;
  /** Rows in each column; the options run down the first column, then the second. */
  rows: number;
  /** The labels' and figures' size, in stage units. */
  size: number;
}

/** The largest size at which the labels, run down the columns, and their bars and figures fit the height. */
function largestSize(labels: readonly string[], columns: number, height: number): number {
  const rows = Math.ceil(labels.length / columns);
  const width = (AREA.width - BAR.columnGap * (columns - 1)) / columns;
  const stacks = Array.from({ length: columns }, (_, column) => labels.slice(column * rows, (column + 1) * rows));
  const stackHeight = (stack: readonly string[], size: number) =>
    stack.reduce((sum, label) => sum + (lineCount(label || '–', width / size, 'bold') * BAR.labelLine + BAR.labelGap + BAR.bar) * size, 0) +
    (stack.length - 1) * BAR.rowGap;
  return largestFitting(
    BAR_SIZE.min,
    BAR_SIZE.max,
    (size) => FIGURE_ROOM * size <= width * (1 - TRACK_SHARE) && stacks.every((stack) => stackHeight(stack, size) <= height),
  );
}

/**
 * Of one column and two, the one whose labels and figures can be largest in the results area (one on a tie: its bars
 * are longer); set smaller when something takes part of the area's height, but in the same columns, so that nothing
 * moves when it goes.
 */
export function barsLayout(labels: readonly string[], height: number = AREA.height): BarsLayout {
  let columns = 1;
  for (let more = 2; more <= Math.min(MOST_COLUMNS, labels.length); more += 1) {
    if (largestSize(labels, more, AREA.height) > largestSize(labels, columns, AREA.height)) columns = more;
  }
  return { columns, rows: Math.ceil(labels.length / columns), size: largestSize(labels, columns, height) };
}
