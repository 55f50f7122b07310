import type { ScaleResults, ScaleSlide, ScaleStatementResults } from '@ettor/protocol';

export interface StatementRow extends Omit<ScaleStatementResults, 'statementId'> {
  id: string;
  label: string;
}

/** Pairs every statement with its results, in the slide's order, one count per step, zeros before any answer. */
export function statementRows(slide: ScaleSlide, results: ScaleResults | undefined): StatementRow[] {
  const byId = new Map(results?.statements.map((s) => [s.statementId, s]));
  return slide.statements.map(({ id, label }) => {
    const found = byId.get(id);
    const counts = Array.from({ length: slide.steps }, (_, index) => found?.counts[index] ?? 0);
    return {
      id,
      label,
      counts,
      skipped: found?.skipped ?? 0,
      n: found?.n ?? 0,
      mean: found?.mean ?? null,
      sd: found?.sd ?? null,
      hidden: found?.hidden ?? false,
    };
  });
}
