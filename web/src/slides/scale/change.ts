import type { ScaleResults } from '@ettor/protocol';
import { type Change, changeOf } from '../../results/change';

/** Each statement's change of mean, in the later run's order; a statement the baseline lacks gives no change. */
export function scaleChange(baseline: ScaleResults, later: ScaleResults): { statementId: string; change: Change }[] {
  const before = new Map(baseline.statements.map((statement) => [statement.statementId, statement.mean]));
  return later.statements.map(({ statementId, mean }) => ({ statementId, change: changeOf(before.get(statementId) ?? null, mean) }));
}
