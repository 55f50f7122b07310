import { type RankingResults, type RankingSlide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { hidesNoPart } from './kind.js';
import { rankingExport } from './ranking.js';

const slide = slideSchema.parse({
  id: 'prio',
  kind: 'ranking',
  question: 'Vad är viktigast?',
  items: [
    { id: 'kompetens', label: 'Kompetens' },
    { id: 'ekonomi', label: 'Ekonomi' },
    { id: 'samverkan', label: 'Samverkan' },
  ],
}) as RankingSlide;

const everyone: RankingResults = {
  kind: 'ranking',
  slideId: 'prio',
  respondents: 4,
  items: [
    { itemId: 'kompetens', places: [3, 1, 0], n: 4, meanRank: 1.25, points: 7 },
    { itemId: 'ekonomi', places: [1, 2, 1], n: 4, meanRank: 2, points: 4 },
    { itemId: 'samverkan', places: [0, 1, 3], n: 4, meanRank: 2.75, points: 1 },
  ],
};

/** Results from before a fourth item was added: the table still has a row and a place column for it. */
const older: RankingResults = { ...everyone, respondents: 3, items: everyone.items.slice(0, 2) };

const decimal = (value: number) => ({ value, format: 'decimal' });

describe('the ranking export', () => {
  it('is named in Swedish', () => {
    expect(rankingExport.name).toBe('Rangordning');
  });

  it('has a column per place, then n, mean place and points, the groups side by side', () => {
    const { rows, header } = rankingExport.table(slide, [
      { name: 'Alla', results: everyone },
      { name: 'Chef', results: null },
      { name: 'Tjänsteperson', results: older },
    ]);
    const columns = ['Plats 1', 'Plats 2', 'Plats 3', 'n', 'Snittplats', 'Poäng'];
    const blank = [null, null, null, null, null];
    const tooFew = ['För få svar', ...blank];
    expect(header).toBe(2);
    expect(rows).toEqual([
      [null, 'Alla', ...blank, 'Chef', ...blank, 'Tjänsteperson', ...blank],
      ['Alternativ', ...columns, ...columns, ...columns],
      ['Kompetens', 3, 1, 0, 4, decimal(1.25), 7, ...tooFew, 3, 1, 0, 4, decimal(1.25), 7],
      ['Ekonomi', 1, 2, 1, 4, decimal(2), 4, ...tooFew, 1, 2, 1, 4, decimal(2), 4],
      ['Samverkan', 0, 1, 3, 4, decimal(2.75), 1, ...tooFew, 0, 0, 0, 0, null, 0],
      ['Svarande', 4, ...blank, ...tooFew, 3, ...blank],
    ]);
  });

  it('writes an answer as a numbered list, naming an item that has since been removed', () => {
    expect(rankingExport.answerText(slide, { kind: 'ranking', order: ['samverkan', 'kompetens', 'ekonomi'] })).toBe(
      '1. Samverkan; 2. Kompetens; 3. Ekonomi',
    );
    expect(rankingExport.answerText(slide, { kind: 'ranking', order: ['borta', 'ekonomi'] })).toBe('1. (borttaget alternativ); 2. Ekonomi');
  });

  it('hides no part of an answer', () => {
    expect(rankingExport.hidesPart).toBe(hidesNoPart);
  });
});
