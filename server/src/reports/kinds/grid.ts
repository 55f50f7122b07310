import type { GridAxis, ResultsOf } from '@ettor/protocol';
import { LABELS, decimal, fixedRows } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

/** An axis as a column header names it: "x (Nytta)", or "x" alone when the slide leaves it unnamed. */
const axisName = (letter: 'x' | 'y', axis: GridAxis): string => (axis.label ? `${letter} (${axis.label})` : letter);

/** A place as a person reads it: "Nytta 7, Kostnad 3", or "x 7, y 3" on unnamed axes. */
const placeText = (letter: 'x' | 'y', axis: GridAxis, value: number): string => `${axis.label || letter} ${value}`;

export const gridExport: KindExport<'grid'> = {
  name: '2×2-matris',
  table(slide, groups) {
    const x = axisName('x', slide.x);
    const y = axisName('y', slide.y);
    return fixedRows(
      groups,
      [LABELS.option],
      [LABELS.n, `${LABELS.mean} ${x}`, `${LABELS.sd} ${x}`, `${LABELS.mean} ${y}`, `${LABELS.sd} ${y}`],
      slide.items.map((item) => ({
        label: item.label,
        values: (results) => {
          const found = (results as ResultsOf<'grid'>).items.find((entry) => entry.itemId === item.id);
          if (!found) return [0, null, null, null, null];
          if (found.hidden) return [LABELS.tooFew, null, null, null, null];
          return [found.n, decimal(found.meanX), decimal(found.sdX), decimal(found.meanY), decimal(found.sdY)];
        },
      })),
    );
  },
  answerText: (slide, answer) =>
    answer.placements
      .map(({ itemId, x, y }) => {
        const label = slide.items.find((item) => item.id === itemId)?.label ?? LABELS.removedOption;
        return `${label}: ${placeText('x', slide.x, x)}, ${placeText('y', slide.y, y)}`;
      })
      .join('; '),
  hidesPart: hidesNoPart,
};
