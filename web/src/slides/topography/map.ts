// What every view of a topography draws, worked out once: the state of the map, and each row and cell as shown.
import type { TopographyCell, TopographyResults, TopographyRow, TopographySlide, TopographyUnavailable } from '@ettor/protocol';
import { formatDecimal, t } from '../../i18n/i18n.svelte';
import { fillOf, textOn } from './ramp';

export type MapState =
  | { state: 'unavailable'; reason: TopographyUnavailable }
  /** Both questions are chosen, but no results have arrived (the editor never gets any). */
  | { state: 'waiting' }
  | { state: 'map'; results: TopographyResults };

export function mapState(slide: TopographySlide, results: TopographyResults | undefined): MapState {
  if (results?.unavailable) return { state: 'unavailable', reason: results.unavailable };
  if (results) return { state: 'map', results };
  return slide.segmentBy === null || slide.scaleSlideId === null ? { state: 'unavailable', reason: 'not_chosen' } : { state: 'waiting' };
}

/** A cell as shown: withheld under the threshold (never a number or its colour), without ratings yet, or a mean with its fill. */
export type ShownCell = { shown: 'hidden' } | { shown: 'empty' } | { shown: 'mean'; mean: number; n: number; fill: string; ink: string };

export interface MapRow {
  key: string;
  label: string;
  /** Members of the group who answered the scale question; null when withheld. */
  respondents: number | null;
  /** The "Alla" row of everyone's ratings, under the groups. */
  total: boolean;
  /** One per column. */
  cells: ShownCell[];
}

const EMPTY_CELL: TopographyCell = { n: 0, mean: null, sd: null, hidden: false };

function shownCell(cell: TopographyCell, steps: number): ShownCell {
  if (cell.hidden) return { shown: 'hidden' };
  if (cell.mean === null || cell.n === 0) return { shown: 'empty' };
  const fill = fillOf(cell.mean, steps);
  return { shown: 'mean', mean: cell.mean, n: cell.n, fill, ink: textOn(fill) };
}

/** A group's name: the option's label, or "Ej angivet" for those who did not answer the question the rows come from. */
export function rowLabel(row: Pick<TopographyRow, 'optionId' | 'label'>): string {
  return row.optionId === null ? t('topography.notGiven') : row.label || '–';
}

/** The groups in the question's order, "Ej angivet" last as the server sends them, then everyone. */
export function mapRows(results: TopographyResults): MapRow[] {
  const steps = results.scale.steps;
  // Option ids are letters, digits, - and _, so keys with other characters cannot collide with them.
  const groups = results.rows.map((row) => ({
    key: row.optionId ?? 'not given',
    label: rowLabel(row),
    respondents: row.hidden ? null : row.respondents,
    total: false,
    // A withheld group withholds every cell of it, whatever a cell says.
    cells: results.columns.map((_, index) =>
      shownCell(row.hidden ? { ...EMPTY_CELL, hidden: true } : (row.cells[index] ?? EMPTY_CELL), steps),
    ),
  }));
  const everyone = {
    key: 'all rows',
    label: t('topography.all'),
    respondents: results.respondents,
    total: true,
    cells: results.columns.map((column) => shownCell(column.total, steps)),
  };
  return [...groups, everyone];
}

/** A cell in words, for tables and the control view: "3,4 (12 svar)", "För få svar" or "Inga svar". */
export function cellText(cell: ShownCell): string {
  switch (cell.shown) {
    case 'hidden':
      return t('topography.tooFew');
    case 'empty':
      return t('topography.noRatings');
    case 'mean':
      return t('topography.cellText', { mean: formatDecimal(cell.mean), n: cell.n });
  }
}

/**
 * A statement as a column heading: "Kunskaper: att söka information…" reads as its name, "Kunskaper", with the rest
 * under it in small type, so a long statement does not crowd the heading; a label without a colon is all name.
 */
export function columnHeading(label: string): { name: string; detail: string } {
  const colon = label.indexOf(':');
  if (colon <= 0) return { name: label, detail: '' };
  return { name: label.slice(0, colon).trim(), detail: label.slice(colon + 1).trim() };
}
