import type { TopographyCell, TopographyResults } from '@ettor/protocol';
import { type Change, changeOf } from '../../results/change';

const cellChange = (baseline: TopographyCell | undefined, later: TopographyCell | undefined, rowHidden: boolean): Change =>
  changeOf(baseline?.mean ?? null, later?.mean ?? null, rowHidden || !!(baseline?.hidden || later?.hidden));

export interface TopographyChange {
  /** The later run's columns, in its order. */
  columns: { statementId: string; label: string }[];
  /** Everyone's ratings of each column. */
  total: Change[];
  /** The later run's rows, each with one change per column. */
  rows: { optionId: string | null; label: string; cells: Change[] }[];
}

/**
 * A topography's change per row × column, on the later run's grid: rows matched by option, columns by statement, so a
 * row or column the baseline does not have gives no change.
 */
export function topographyChange(baseline: TopographyResults, later: TopographyResults): TopographyChange {
  const columnAt = new Map(baseline.columns.map((column, index) => [column.statementId, index]));
  const rowOf = new Map(baseline.rows.map((row) => [row.optionId, row]));
  const baselineTotals = baseline.columns.map((column) => column.total);
  const before = (cells: readonly TopographyCell[], statementId: string) => {
    const index = columnAt.get(statementId);
    return index === undefined ? undefined : cells[index];
  };
  return {
    columns: later.columns.map(({ statementId, label }) => ({ statementId, label })),
    total: later.columns.map((column) => cellChange(before(baselineTotals, column.statementId), column.total, false)),
    rows: later.rows.map((row) => {
      const earlier = rowOf.get(row.optionId);
      return {
        optionId: row.optionId,
        label: row.label,
        cells: later.columns.map((column, index) =>
          cellChange(earlier && before(earlier.cells, column.statementId), row.cells[index], row.hidden || !!earlier?.hidden),
        ),
      };
    }),
  };
}
