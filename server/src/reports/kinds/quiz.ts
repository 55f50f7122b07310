import type { Results, ResultsOf } from '@ettor/protocol';
import { LABELS, fixedRows, percent } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

/** Like a choice question's table, with the right options marked and how many answered right. */
export const quizExport: KindExport<'quiz'> = {
  name: 'Quiz',
  table: (slide, groups) =>
    fixedRows(
      groups,
      [LABELS.option],
      [LABELS.count, LABELS.share],
      [
        ...slide.options.map((option) => ({
          label: slide.correct.includes(option.id) ? `${option.label} (rätt svar)` : option.label,
          values: (results: Results) => {
            const { counts, respondents } = results as ResultsOf<'quiz'>;
            const count = counts.find((entry) => entry.optionId === option.id)?.count ?? 0;
            return [count, percent(count, respondents)];
          },
        })),
        {
          label: 'Svarade rätt',
          values: (results) => {
            const { correct, respondents } = results as ResultsOf<'quiz'>;
            return [correct, percent(correct, respondents)];
          },
        },
      ],
    ),
  answerText: (slide, answer) =>
    answer.optionIds.map((id) => slide.options.find((option) => option.id === id)?.label ?? LABELS.removedOption).join('; '),
  hidesPart: hidesNoPart,
};
