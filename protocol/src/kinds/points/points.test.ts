import { describe, expect, it } from 'vitest';
import {
  type Answer,
  answerSchema,
  applyThreshold,
  checkAnswer,
  type ErrorCode,
  type PointsResults,
  type PointsSlide,
  POINTS_LIMITS,
  pointsLeft,
  slideSchema,
} from '../../index.js';

const slide = (extra: Record<string, unknown> = {}) =>
  slideSchema.parse({
    id: 'budget',
    kind: 'points',
    question: 'Var ska kommunen satsa?',
    items: [
      { id: 'skola', label: 'Skolan' },
      { id: 'vard', label: 'Äldrevården' },
      { id: 'buss', label: 'Kollektivtrafiken' },
    ],
    ...extra,
  }) as PointsSlide;

const give = (...allocations: [string, number][]): Answer => ({
  kind: 'points',
  allocations: allocations.map(([itemId, points]) => ({ itemId, points })),
});

const refusedWith = (code: ErrorCode, answer: Answer, on = slide()) => {
  const check = checkAnswer(on, answer);
  expect(check.ok ? 'accepted' : check.problem.code).toBe(code);
};

const items = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `i${i}`, label: `Sak ${i}` }));

describe('points slides', () => {
  it('parse with their defaults: a budget of 100', () => {
    expect(slideSchema.parse({ id: 'x', kind: 'points', question: 'Q', items: items(2) })).toEqual({
      id: 'x',
      kind: 'points',
      notes: '',
      question: 'Q',
      allowChange: true,
      items: items(2),
      budget: 100,
    });
  });

  it('take the whole range of budgets and item counts', () => {
    expect(slide({ budget: POINTS_LIMITS.minBudget }).budget).toBe(1);
    expect(slide({ budget: POINTS_LIMITS.maxBudget }).budget).toBe(1000);
    expect(slide({ items: items(POINTS_LIMITS.maxItems) }).items).toHaveLength(10);
  });

  it.each([
    ['one item', { items: items(POINTS_LIMITS.minItems - 1) }],
    ['too many items', { items: items(POINTS_LIMITS.maxItems + 1) }],
    [
      'two items with one id',
      {
        items: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      },
    ],
    ['a budget of nothing', { budget: 0 }],
    ['a budget over the limit', { budget: POINTS_LIMITS.maxBudget + 1 }],
    ['a fractional budget', { budget: 99.5 }],
    ['a label that is too long', { items: [{ id: 'a', label: 'x'.repeat(121) }, ...items(1)] }],
  ])('refuse %s', (_, extra) => {
    expect(() => slide(extra)).toThrow();
  });
});

describe('points answers', () => {
  it('are stored in the slide order, items given nothing left out', () => {
    expect(checkAnswer(slide(), give(['buss', 30], ['vard', 0], ['skola', 50]))).toEqual({
      ok: true,
      answer: give(['skola', 50], ['buss', 30]),
    });
  });

  it('may spend less than the budget, or all of it, but not more', () => {
    expect(checkAnswer(slide(), give(['skola', 1])).ok).toBe(true);
    expect(checkAnswer(slide(), give(['skola', 100])).ok).toBe(true);
    expect(checkAnswer(slide(), give(['skola', 60], ['vard', 40])).ok).toBe(true);
    refusedWith('over_budget', give(['skola', 60], ['vard', 41]));
  });

  it('refuse each kind of bad input with its own code', () => {
    refusedWith('wrong_answer_kind', { kind: 'choice', optionIds: ['skola'] });
    refusedWith('duplicate_entry', give(['skola', 10], ['skola', 20]));
    refusedWith('duplicate_entry', give(['skola', 10], ['skola', 0]));
    refusedWith('unknown_option', give(['skola', 10], ['bibliotek', 5]));
    refusedWith('unknown_option', give(['bibliotek', 0], ['skola', 5]));
    refusedWith('out_of_range', give(['skola', -1]));
    refusedWith('out_of_range', give(['skola', 50], ['vard', -20]));
    refusedWith('out_of_range', give(['skola', 101]));
    refusedWith('empty_answer', give());
    refusedWith('empty_answer', give(['skola', 0], ['vard', 0]));
    refusedWith('over_budget', give(['skola', 40], ['vard', 40], ['buss', 40]));
  });

  it("respect the slide's own budget", () => {
    const ten = slide({ budget: 10 });
    expect(checkAnswer(ten, give(['skola', 10])).ok).toBe(true);
    refusedWith('out_of_range', give(['skola', 11]), ten);
    refusedWith('over_budget', give(['skola', 6], ['vard', 5]), ten);
    const check = checkAnswer(ten, give(['skola', 6], ['vard', 5]));
    expect(check.ok ? '' : check.problem.message).toBe('That is 11 points; you have 10.');
  });

  it('keep fractions and non-numbers out at the shape already', () => {
    const shape = (points: unknown) => answerSchema.safeParse({ kind: 'points', allocations: [{ itemId: 'skola', points }] }).success;
    expect(shape(10)).toBe(true);
    expect(shape(2.5)).toBe(false);
    expect(shape(Number.POSITIVE_INFINITY)).toBe(false);
    expect(shape('10')).toBe(false);
    expect(
      answerSchema.safeParse({ kind: 'points', allocations: items(POINTS_LIMITS.maxItems + 1).map((i) => ({ itemId: i.id, points: 1 })) })
        .success,
    ).toBe(false);
  });
});

describe('pointsLeft', () => {
  it('is the budget less what the allocations spend, negative when over', () => {
    expect(pointsLeft(100, [])).toBe(100);
    expect(pointsLeft(100, [{ points: 40 }, { points: 25 }])).toBe(35);
    expect(pointsLeft(100, [{ points: 60 }, { points: 40 }])).toBe(0);
    expect(pointsLeft(10, [{ points: 8 }, { points: 5 }])).toBe(-3);
  });
});

describe('points results under the anonymity threshold', () => {
  const results: PointsResults = {
    kind: 'points',
    slideId: 'budget',
    respondents: 2,
    items: [
      { itemId: 'skola', total: 150, mean: 75, n: 2 },
      { itemId: 'vard', total: 50, mean: 25, n: 1 },
      { itemId: 'buss', total: 0, mean: 0, n: 0 },
    ],
  };

  it('are withheld as a whole under k and shown whole from k', () => {
    expect(applyThreshold(results, 3)).toBeNull();
    expect(applyThreshold(results, 2)).toEqual(results);
  });
});
