import { describe, expect, it } from 'vitest';
import { noAnswers, results, slide } from './fixtures';
import { byMean, pointsRows } from './rows';

describe('points rows', () => {
  it("pair every option with its results in the slide's order, with its share of all points", () => {
    expect(pointsRows(slide, results)).toEqual([
      { id: 'skola', label: 'Skolan', index: 0, total: 140, mean: 140 / 3, n: 3, share: 140 / 300 },
      { id: 'vard', label: 'Äldrevården', index: 1, total: 100, mean: 100 / 3, n: 2, share: 100 / 300 },
      { id: 'buss', label: 'Kollektivtrafiken', index: 2, total: 60, mean: 20, n: 2, share: 60 / 300 },
    ]);
  });

  it('give no mean and no share before anyone answered', () => {
    for (const empty of [undefined, noAnswers]) {
      expect(pointsRows(slide, empty).map((row) => [row.mean, row.share])).toEqual([
        [null, 0],
        [null, 0],
        [null, 0],
      ]);
    }
  });

  it('sort by mean, most first, equal means in the slide order', () => {
    const tied = { ...results, items: results.items.map((item) => (item.itemId === 'skola' ? item : { ...item, mean: 10 })) };
    expect(byMean(pointsRows(slide, tied)).map((row) => row.id)).toEqual(['skola', 'vard', 'buss']);
    const reversed = { ...results, items: results.items.map((item, index) => ({ ...item, mean: index })) };
    expect(byMean(pointsRows(slide, reversed)).map((row) => row.id)).toEqual(['buss', 'vard', 'skola']);
  });
});
