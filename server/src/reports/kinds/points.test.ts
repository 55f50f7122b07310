import { type PointsResults, type PointsSlide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '../../responses/tally.js';
import { pointsExport } from './points.js';

const slide = slideSchema.parse({
  id: 'budget',
  kind: 'points',
  question: 'Var ska kommunen satsa?',
  items: [
    { id: 'skola', label: 'Skolan' },
    { id: 'vard', label: 'Äldrevården' },
    { id: 'ny', label: 'Nytt alternativ' },
  ],
}) as PointsSlide;

const everyone: PointsResults = {
  kind: 'points',
  slideId: 'budget',
  respondents: 4,
  items: [
    { itemId: 'skola', total: 250, mean: 62.5, n: 4 },
    { itemId: 'vard', total: 130, mean: 32.5, n: 3 },
  ],
};
const managers: PointsResults = {
  kind: 'points',
  slideId: 'budget',
  respondents: 3,
  items: [
    { itemId: 'skola', total: 90, mean: 30, n: 2 },
    { itemId: 'vard', total: 0, mean: 0, n: 0 },
    { itemId: 'ny', total: 0, mean: 0, n: 0 },
  ],
};

const mean = (value: number) => ({ value, format: 'decimal' });

describe('the points export', () => {
  it('is named in Swedish', () => {
    expect(pointsExport.name).toBe('Fördela poäng');
  });

  it('gives total, mean and givers per item, each group side by side, a withheld group as too few', () => {
    const table = pointsExport.table(slide, [
      { name: 'Alla', results: everyone },
      { name: 'Chef', results: managers },
      { name: 'Politiker', results: null },
    ]);
    const columns = ['Poäng totalt', 'Medelvärde (poäng per svarande)', 'n (gav poäng)'];
    expect(table).toEqual({
      header: 2,
      rows: [
        [null, 'Alla', null, null, 'Chef', null, null, 'Politiker', null, null],
        ['Alternativ', ...columns, ...columns, ...columns],
        ['Skolan', 250, mean(62.5), 4, 90, mean(30), 2, 'För få svar', null, null],
        ['Äldrevården', 130, mean(32.5), 3, 0, mean(0), 0, 'För få svar', null, null],
        // An item added after these results were counted: nothing given by anyone, a mean of 0.
        ['Nytt alternativ', 0, mean(0), 0, 0, mean(0), 0, 'För få svar', null, null],
        ['Svarande', 4, null, null, 3, null, null, 'För få svar', null, null],
      ],
    });
  });

  it('gives no mean before anyone answered', () => {
    const none: PointsResults = { kind: 'points', slideId: 'budget', respondents: 0, items: [] };
    expect(pointsExport.table(slide, [{ name: 'Alla', results: none }]).rows[2]).toEqual(['Skolan', 0, null, 0]);
  });

  it('reads an answer as a person would, an item since removed named as such', () => {
    const answer = {
      kind: 'points' as const,
      allocations: [
        { itemId: 'skola', points: 60 },
        { itemId: 'borta', points: 15 },
        { itemId: 'vard', points: 25 },
      ],
    };
    expect(pointsExport.answerText(slide, answer)).toBe('Skolan: 60 poäng; (borttaget alternativ): 15 poäng; Äldrevården: 25 poäng');
    expect(pointsExport.hidesPart(answer, { ...NO_CONTEXT, hiddenWords: new Set(['skolan']) })).toBe(false);
  });
});
