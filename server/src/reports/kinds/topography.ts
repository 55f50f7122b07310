import type { ResultsOf, TopographyCell, TopographyUnavailable } from '@ettor/protocol';
import { type Cell, LABELS, type Row, decimal } from '../export-table.js';
import type { ResultExport } from './kind.js';

const UNAVAILABLE: Record<TopographyUnavailable, string> = {
  not_chosen: 'frågorna för rader och kolumner är inte valda',
  segment_missing: 'frågan för raderna finns inte längre eller har flera svarsalternativ',
  scale_missing: 'skalfrågan för kolumnerna finns inte längre',
};

/** A cell as two columns, the mean and n; a withheld one reads "För få svar". */
const cellColumns = (cell: TopographyCell): Cell[] => (cell.hidden ? [LABELS.tooFew, null] : [decimal(cell.mean), cell.n]);

/** The map as a table: a row per segment and "Alla" last, a mean and an n per statement. */
export const topographyExport: ResultExport<'topography'> = {
  name: 'Kompetenstopografi',
  table(_slide, groups) {
    // A topography is never split again: its one group is everyone.
    const results = groups[0]?.results as ResultsOf<'topography'> | null | undefined;
    if (!results) return { rows: [[LABELS.tooFew]], header: 0 };
    if (results.unavailable !== null) return { rows: [[LABELS.unavailable, UNAVAILABLE[results.unavailable]]], header: 0 };
    const rows: Row[] = [
      [LABELS.columns, results.scaleQuestion],
      [null, ...results.columns.flatMap((column) => [column.label, null])],
      [results.segmentQuestion, ...results.columns.flatMap(() => [LABELS.mean, LABELS.n])],
      ...results.rows.map((row) => [row.optionId === null ? LABELS.notGiven : row.label, ...row.cells.flatMap(cellColumns)]),
      [LABELS.everyone, ...results.columns.flatMap((column) => cellColumns(column.total))],
    ];
    return { rows, header: 3 };
  },
};
