// A room's competence map for the tests: three roles and "not given", four statements on a 1–5 scale, k = 5.
import type { TopographyCell, TopographyResults, TopographySlide } from '@ettor/protocol';

const cell = (mean: number, n: number): TopographyCell => ({ n, mean, sd: 0.8, hidden: false });
const hidden: TopographyCell = { n: 0, mean: null, sd: null, hidden: true };
const unrated: TopographyCell = { n: 0, mean: null, sd: null, hidden: false };

export const slide: TopographySlide = {
  id: 'karta',
  kind: 'topography',
  heading: 'Kompetenstopografi',
  segmentBy: 'roll',
  scaleSlideId: 'skala',
  notes: '',
};

export const results: TopographyResults = {
  kind: 'topography',
  slideId: 'karta',
  respondents: 36,
  unavailable: null,
  threshold: 5,
  segmentQuestion: 'Vilken roll har du?',
  scaleQuestion: 'Hur bedömer du din kompetens om AI?',
  scale: { steps: 5, minLabel: 'Ingen alls', maxLabel: 'Mycket god' },
  columns: [
    { statementId: 'k', label: 'Kunskaper', total: cell(2.94, 36) },
    { statementId: 'f', label: 'Färdigheter', total: cell(3.1, 35) },
    { statementId: 'u', label: 'Förståelse', total: cell(2.45, 36) },
    { statementId: 'm', label: 'Motivation', total: hidden },
  ],
  rows: [
    {
      optionId: 'tj',
      label: 'Tjänsteperson',
      respondents: 14,
      hidden: false,
      cells: [cell(3.64, 14), cell(3.2, 14), cell(2.8, 13), hidden],
    },
    { optionId: 'kc', label: 'Kommunchef', respondents: 0, hidden: true, cells: [hidden, hidden, hidden, hidden] },
    {
      optionId: 'po',
      label: 'Förtroendevald politiker',
      respondents: 12,
      hidden: false,
      cells: [cell(1, 12), cell(2, 12), cell(5, 12), unrated],
    },
    { optionId: null, label: '', respondents: 7, hidden: false, cells: [cell(2.57, 7), cell(4.14, 7), cell(1.86, 7), hidden] },
  ],
};

/** The same map before anyone has answered: every group and statement there, nothing rated. */
export const noAnswers: TopographyResults = {
  ...results,
  respondents: 0,
  columns: results.columns.map((column) => ({ ...column, total: unrated })),
  rows: results.rows.map((row) => ({ ...row, respondents: 0, hidden: false, cells: row.cells.map(() => unrated) })),
};
