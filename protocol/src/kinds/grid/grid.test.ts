import { describe, expect, it } from 'vitest';
import {
  type Answer,
  answerSchema,
  applyThreshold,
  blankSlide,
  checkAnswer,
  type ErrorCode,
  GRID_LIMITS,
  type GridResults,
  type GridSlide,
  isWithheld,
  partsOf,
  slideSchema,
} from '../../index.js';

const slide = (extra: Record<string, unknown> = {}) =>
  slideSchema.parse({
    id: 'prio',
    kind: 'grid',
    question: 'Var hamnar förslagen?',
    items: [
      { id: 'cykel', label: 'Cykelbana' },
      { id: 'skola', label: 'Ny skola' },
      { id: 'bad', label: 'Badhus' },
    ],
    x: { label: 'Nytta', minLabel: 'Liten', maxLabel: 'Stor' },
    y: { label: 'Kostnad', minLabel: 'Låg', maxLabel: 'Hög' },
    ...extra,
  }) as GridSlide;

const place = (...placements: [string, number, number][]): Answer => ({
  kind: 'grid',
  placements: placements.map(([itemId, x, y]) => ({ itemId, x, y })),
});

const refusedWith = (code: ErrorCode, answer: Answer, on = slide()) => {
  const check = checkAnswer(on, answer);
  expect(check.ok ? 'accepted' : check.problem.code).toBe(code);
};

describe('grid slides', () => {
  it('parse with their defaults: unnamed axes and a scale from 0 to 10', () => {
    expect(slideSchema.parse({ id: 'g', kind: 'grid', question: 'Q', items: [{ id: 'a', label: 'A' }] })).toEqual({
      id: 'g',
      kind: 'grid',
      notes: '',
      question: 'Q',
      allowChange: true,
      items: [{ id: 'a', label: 'A' }],
      x: { label: '', minLabel: '', maxLabel: '' },
      y: { label: '', minLabel: '', maxLabel: '' },
      max: 10,
    });
  });

  it('fill in the words of an axis given in part', () => {
    expect(slide({ x: { label: 'Nytta' } }).x).toEqual({ label: 'Nytta', minLabel: '', maxLabel: '' });
  });

  it('start blank in the editor with one item and the schema accepts them', () => {
    const blank = slideSchema.parse(blankSlide('grid', 'ny', () => 'i1'));
    expect(blank).toMatchObject({ kind: 'grid', items: [{ id: 'i1', label: '' }], max: 10 });
  });

  it.each([
    ['no items', { items: [] }],
    ['too many items', { items: Array.from({ length: GRID_LIMITS.maxItems + 1 }, (_, i) => ({ id: `i${i}`, label: 'x' })) }],
    [
      'two items with one id',
      {
        items: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      },
    ],
    ['a max below the least', { max: GRID_LIMITS.minMax - 1 }],
    ['a max above the most', { max: GRID_LIMITS.maxMax + 1 }],
    ['a fractional max', { max: 7.5 }],
    ['an axis name that is too long', { x: { label: 'x'.repeat(GRID_LIMITS.axisLabelLength + 1) } }],
    ['an end label that is too long', { y: { maxLabel: 'x'.repeat(GRID_LIMITS.axisLabelLength + 1) } }],
    ['an axis with a field of its own', { x: { label: 'Nytta', colour: 'red' } }],
  ])('refuse %s', (_, extra) => {
    expect(() => slide(extra)).toThrow();
  });
});

describe('grid answers', () => {
  it('are stored in the slide order, items not placed left out', () => {
    expect(checkAnswer(slide(), place(['bad', 10, 0], ['cykel', 3, 7]))).toEqual({
      ok: true,
      answer: place(['cykel', 3, 7], ['bad', 10, 0]),
    });
  });

  it('take both ends of each scale', () => {
    expect(checkAnswer(slide(), place(['cykel', 0, 0], ['skola', 10, 10])).ok).toBe(true);
    expect(checkAnswer(slide({ max: GRID_LIMITS.maxMax }), place(['cykel', 100, 0])).ok).toBe(true);
  });

  it('refuse each kind of bad input with its own code', () => {
    refusedWith('empty_answer', place());
    refusedWith('duplicate_entry', place(['cykel', 1, 1], ['cykel', 2, 2]));
    refusedWith('unknown_option', place(['simhall', 1, 1]));
    refusedWith('unknown_option', place(['cykel', 1, 1], ['simhall', 1, 1]));
    refusedWith('out_of_range', place(['cykel', -1, 5]));
    refusedWith('out_of_range', place(['cykel', 5, -1]));
    refusedWith('out_of_range', place(['cykel', 11, 5]));
    refusedWith('out_of_range', place(['cykel', 5, 11]));
    refusedWith('wrong_answer_kind', { kind: 'scale', ratings: [{ statementId: 'cykel', value: 3 }] });
  });

  it("respect the slide's own top of the scale", () => {
    refusedWith('out_of_range', place(['cykel', 5, 4]), slide({ max: 4 }));
    expect(checkAnswer(slide({ max: 4 }), place(['cykel', 4, 4])).ok).toBe(true);
  });

  it('are refused by their shape before the rules: a place is a whole number, and at most eight are sent', () => {
    expect(answerSchema.safeParse(place(['cykel', 2.5, 3])).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'grid', placements: [{ itemId: 'cykel', x: 1 }] }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'grid', placements: [{ itemId: 'cykel', x: 1, y: 1, z: 1 }] }).success).toBe(false);
    const nine = Array.from({ length: GRID_LIMITS.maxItems + 1 }, (_, i): [string, number, number] => [`i${i}`, 1, 1]);
    expect(answerSchema.safeParse(place(...nine)).success).toBe(false);
    expect(answerSchema.safeParse(place(['cykel', 2, 3])).success).toBe(true);
  });
});

describe('a grid under the anonymity threshold', () => {
  const item = (itemId: string, n: number, meanX: number | null, meanY: number | null) => ({
    itemId,
    n,
    meanX,
    meanY,
    sdX: meanX === null ? null : 1,
    sdY: meanY === null ? null : 2,
    hidden: false,
  });
  // Five answered: all five placed the bike lane, two the school, none the bath house.
  const results: GridResults = {
    kind: 'grid',
    slideId: 'prio',
    respondents: 5,
    items: [item('cykel', 5, 7, 3), item('skola', 2, 4, 8), item('bad', 0, null, null)],
  };

  it('withholds an item fewer than k placed, keeping the rest and the respondents', () => {
    expect(partsOf(results)).toEqual([5, 2, 0]);
    expect(applyThreshold(results, 3)).toEqual({
      ...results,
      items: [results.items[0], { itemId: 'skola', n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: true }, results.items[2]],
    });
  });

  it('withholds the whole results of fewer than k, and nothing at k', () => {
    expect(applyThreshold(results, 6)).toBeNull();
    expect(isWithheld(results, 6)).toBe(true);
    expect(applyThreshold(results, 2)).toEqual(results);
  });
});
