import type { ResultsOf } from '@ettor/protocol';
import { LABELS, fixedRows, percent } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

export const choiceExport: KindExport<'choice'> = {
  name: 'Flerval',
  table: (slide, groups) =>
    fixedRows(
      groups,
      [LABELS.option],
      [LABELS.count, LABELS.share],
      slide.options.map((option) => ({
        label: option.label,
        values: (results) => {
          const { counts, respondents } = results as ResultsOf<'choice'>;
          const count = counts.find((entry) => entry.optionId === option.id)?.count ?? 0;
          return [count, percent(count, respondents)];
        },
      })),
    ),
  answerText: (slide, answer) =>
    answer.optionIds.map((id) => slide.options.find((option) => option.id === id)?.label ?? LABELS.removedOption).join('; '),
  hidesPart: hidesNoPart,
};
