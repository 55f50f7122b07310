import type { ScaleResults } from '@ettor/protocol';
import { type Change, changeOf } from '../../results/change';

/** Each statement's change of mean, in the later run's order; a statement the baseline lacks gives no change. */
export function scaleChange(baseline: ScaleResults, later: ScaleResults): { statementId: string; change: Change }[] {
  const before = new Map(baseline.statements.map((statement) => [statement.statementId, statement]));
  return later.statements.map(({ statementId, mean, hidden }) => {
    const earlier = before.get(statementId);
    return { statementId, change: changeOf(earlier?.mean ?? null, mean, hidden || earlier?.hidden === true) };
  });
}
