import type { ResultsOf } from '@ettor/protocol';
import { LABELS, decimal, fixedRows } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

/** The column words of this kind alone; the shared ones are in LABELS. */
const POINTS_LABELS = {
  total: 'Poäng totalt',
  mean: 'Medelvärde (poäng per svarande)',
  givers: 'n (gav poäng)',
  points: 'poäng',
} as const;

export const pointsExport: KindExport<'points'> = {
  name: 'Fördela poäng',
  table: (slide, groups) =>
    fixedRows(
      groups,
      [LABELS.option],
      [POINTS_LABELS.total, POINTS_LABELS.mean, POINTS_LABELS.givers],
      slide.items.map((item) => ({
        label: item.label,
        values: (results) => {
          const { items, respondents } = results as ResultsOf<'points'>;
          const found = items.find((entry) => entry.itemId === item.id);
          // An item the results do not know yet was given nothing: 0 for each respondent, as the tally counts it.
          return found ? [found.total, decimal(found.mean), found.n] : [0, decimal(respondents > 0 ? 0 : null), 0];
        },
      })),
    ),
  answerText: (slide, answer) =>
    answer.allocations
      .map((allocation) => {
        const label = slide.items.find((item) => item.id === allocation.itemId)?.label ?? LABELS.removedOption;
        return `${label}: ${allocation.points} ${POINTS_LABELS.points}`;
      })
      .join('; '),
  hidesPart: hidesNoPart,
};
