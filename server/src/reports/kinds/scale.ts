import type { ResultsOf } from '@ettor/protocol';
import { LABELS, decimal, fixedRows } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

export const scaleExport: KindExport<'scale'> = {
  name: 'Skala',
  table(slide, groups) {
    const steps = Array.from({ length: slide.steps }, (_, step) => {
      const end = step === 0 ? slide.minLabel : step === slide.steps - 1 ? slide.maxLabel : '';
      return end ? `${step + 1} (${end})` : String(step + 1);
    });
    return fixedRows(
      groups,
      [LABELS.statement],
      [...steps, LABELS.dontKnow, LABELS.n, LABELS.mean, LABELS.sd],
      slide.statements.map((statement) => ({
        label: statement.label,
        values: (results) => {
          const found = (results as ResultsOf<'scale'>).statements.find((entry) => entry.statementId === statement.id);
          if (!found) return [...steps.map(() => 0), 0, 0, null, null];
          if (found.hidden) return [LABELS.tooFew, ...steps.map(() => null), null, null, null];
          return [...found.counts, found.skipped, found.n, decimal(found.mean), decimal(found.sd)];
        },
      })),
    );
  },
  answerText: (slide, answer) =>
    answer.ratings
      .map((rating) => {
        const label = slide.statements.find((statement) => statement.id === rating.statementId)?.label ?? LABELS.removedStatement;
        return `${label}: ${rating.value ?? LABELS.dontKnow.toLowerCase()}`;
      })
      .join('; '),
  hidesPart: hidesNoPart,
};
