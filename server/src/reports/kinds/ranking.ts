import type { ResultsOf } from '@ettor/protocol';
import { LABELS, decimal, fixedRows } from '../export-table.js';
import { type KindExport, hidesNoPart } from './kind.js';

/** The ranking's own column words, beside the shared ones. */
const RANKING_LABELS = { place: 'Plats', meanPlace: 'Snittplats', points: 'Poäng' } as const;

export const rankingExport: KindExport<'ranking'> = {
  name: 'Rangordning',
  table(slide, groups) {
    const places = slide.items.map((_, index) => `${RANKING_LABELS.place} ${index + 1}`);
    return fixedRows(
      groups,
      [LABELS.option],
      [...places, LABELS.n, RANKING_LABELS.meanPlace, RANKING_LABELS.points],
      slide.items.map((item) => ({
        label: item.label,
        values: (results) => {
          const found = (results as ResultsOf<'ranking'>).items.find((entry) => entry.itemId === item.id);
          if (!found) return [...places.map(() => 0), 0, null, 0];
          return [...places.map((_, index) => found.places[index] ?? 0), found.n, decimal(found.meanRank), found.points];
        },
      })),
    );
  },
  // "1. Kompetens; 2. Ekonomi": the places as the person gave them, an item since removed named as such.
  answerText: (slide, answer) =>
    answer.order
      .map((id, index) => `${index + 1}. ${slide.items.find((item) => item.id === id)?.label ?? LABELS.removedOption}`)
      .join('; '),
  hidesPart: hidesNoPart,
};
