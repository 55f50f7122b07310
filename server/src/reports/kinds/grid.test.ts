import { type GridResults, type GridSlide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { NO_CONTEXT } from '../../responses/tally.js';
import { gridExport } from './grid.js';

const slide = slideSchema.parse({
  id: 'prio',
  kind: 'grid',
  question: 'Var hamnar förslagen?',
  items: [
    { id: 'cykel', label: 'Cykelbana' },
    { id: 'skola', label: 'Ny skola' },
    { id: 'park', label: 'Park' },
  ],
  x: { label: 'Nytta', minLabel: 'Liten', maxLabel: 'Stor' },
  y: { label: 'Kostnad' },
}) as GridSlide;

const everyone: GridResults = {
  kind: 'grid',
  slideId: 'prio',
  respondents: 6,
  items: [
    { itemId: 'cykel', n: 6, meanX: 7.5, meanY: 3, sdX: 1.25, sdY: 0.5, hidden: false },
    { itemId: 'skola', n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: true },
    // The park was added after these answers: no entry of its own.
  ],
};
const politicians: GridResults = {
  kind: 'grid',
  slideId: 'prio',
  respondents: 3,
  items: [
    { itemId: 'cykel', n: 3, meanX: 9, meanY: 4, sdX: 0, sdY: 1, hidden: false },
    { itemId: 'skola', n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: false },
  ],
};

const d = (value: number) => ({ value, format: 'decimal' });

describe('the export of a 2×2 grid', () => {
  it('is named in Swedish', () => {
    expect(gridExport.name).toBe('2×2-matris');
  });

  it('has a row per item with n, the means and the spreads of both axes, each group side by side', () => {
    const { rows, header } = gridExport.table(slide, [
      { name: 'Alla', results: everyone },
      { name: 'Politiker', results: politicians },
      { name: 'Chef', results: null },
    ]);
    const columns = ['n', 'Medelvärde x (Nytta)', 'Standardavvikelse x (Nytta)', 'Medelvärde y (Kostnad)', 'Standardavvikelse y (Kostnad)'];
    expect(header).toBe(2);
    expect(rows).toEqual([
      [null, 'Alla', null, null, null, null, 'Politiker', null, null, null, null, 'Chef', null, null, null, null],
      ['Alternativ', ...columns, ...columns, ...columns],
      ['Cykelbana', 6, d(7.5), d(1.25), d(3), d(0.5), 3, d(9), d(0), d(4), d(1), 'För få svar', null, null, null, null],
      ['Ny skola', 'För få svar', null, null, null, null, 0, null, null, null, null, 'För få svar', null, null, null, null],
      ['Park', 0, null, null, null, null, 0, null, null, null, null, 'För få svar', null, null, null, null],
      ['Svarande', 6, null, null, null, null, 3, null, null, null, null, 'För få svar', null, null, null, null],
    ]);
  });

  it('names unnamed axes x and y', () => {
    const plain = { ...slide, x: { label: '', minLabel: '', maxLabel: '' }, y: { label: '', minLabel: '', maxLabel: '' } };
    expect(gridExport.table(plain, [{ name: 'Alla', results: everyone }]).rows[1]).toEqual([
      'Alternativ',
      'n',
      'Medelvärde x',
      'Standardavvikelse x',
      'Medelvärde y',
      'Standardavvikelse y',
    ]);
  });

  it('reads an answer as each placed item with its place on both axes, a removed item named as removed', () => {
    const answer = {
      kind: 'grid' as const,
      placements: [
        { itemId: 'cykel', x: 7, y: 3 },
        { itemId: 'borta', x: 0, y: 10 },
      ],
    };
    expect(gridExport.answerText(slide, answer)).toBe('Cykelbana: Nytta 7, Kostnad 3; (borttaget alternativ): Nytta 0, Kostnad 10');
    const plain = { ...slide, x: { label: '', minLabel: '', maxLabel: '' } };
    expect(gridExport.answerText(plain, { kind: 'grid', placements: [{ itemId: 'skola', x: 2, y: 5 }] })).toBe('Ny skola: x 2, Kostnad 5');
    expect(gridExport.hidesPart(answer, { ...NO_CONTEXT, hiddenWords: new Set(['cykel']) })).toBe(false);
  });
});
