import { describe, expect, it } from 'vitest';
import {
  type Answer,
  answerSchema,
  applyThreshold,
  blankSlide,
  checkAnswer,
  type ErrorCode,
  isWithheld,
  partsOf,
  RANKING_LIMITS,
  type RankingResults,
  type RankingSlide,
  resultsSchema,
  showsResultsOnPhones,
  slideSchema,
  slideTitle,
} from '../../index.js';

const items = (...ids: string[]) => ids.map((id) => ({ id, label: `Alternativ ${id}` }));

const slide = (extra: Record<string, unknown> = {}) =>
  slideSchema.parse({
    id: 'prio',
    kind: 'ranking',
    question: 'Vad är viktigast för kommunen?',
    items: [
      { id: 'kompetens', label: 'Kompetens' },
      { id: 'ekonomi', label: 'Ekonomi' },
      { id: 'samverkan', label: 'Samverkan' },
    ],
    ...extra,
  }) as RankingSlide;

const rank = (...order: string[]): Answer => ({ kind: 'ranking', order });

const refusedWith = (code: ErrorCode, answer: Answer, on = slide()) => {
  const check = checkAnswer(on, answer);
  expect(check.ok ? 'accepted' : check.problem.code).toBe(code);
};

describe('ranking slides', () => {
  it('parse with their defaults', () => {
    expect(slideSchema.parse({ id: 'x', kind: 'ranking', question: 'Q', items: items('a', 'b') })).toEqual({
      id: 'x',
      kind: 'ranking',
      notes: '',
      question: 'Q',
      allowChange: true,
      items: items('a', 'b'),
    });
  });

  it.each([
    ['no items', { items: [] }],
    ['a single item', { items: items('a') }],
    ['too many items', { items: Array.from({ length: RANKING_LIMITS.maxItems + 1 }, (_, i) => ({ id: `i${i}`, label: 'x' })) }],
    ['two items with one id', { items: [...items('a'), { id: 'a', label: 'B' }] }],
    ['an item id with a space', { items: [...items('a'), { id: 'b c', label: 'B' }] }],
    ['an item label that is too long', { items: [...items('a'), { id: 'b', label: 'x'.repeat(121) }] }],
    ['an unknown field', { shuffle: true }],
  ])('refuse %s', (_, extra) => {
    expect(() => slide(extra)).toThrow();
  });

  it('take the limits from the rules: two and ten items', () => {
    expect(slide({ items: items('a', 'b') }).items).toHaveLength(RANKING_LIMITS.minItems);
    expect(slide({ items: Array.from({ length: RANKING_LIMITS.maxItems }, (_, i) => ({ id: `i${i}`, label: 'x' })) }).items).toHaveLength(
      10,
    );
  });

  it('start blank with two empty items the schema accepts, named by their question', () => {
    let next = 0;
    const blank = slideSchema.parse(blankSlide('ranking', 'ny', () => `r${(next += 1)}`));
    expect(blank).toMatchObject({ id: 'ny', kind: 'ranking', question: '', items: [{ id: 'r1' }, { id: 'r2' }] });
    expect(slideTitle(slide())).toBe('Vad är viktigast för kommunen?');
  });

  it('never show their results on phones', () => {
    expect(showsResultsOnPhones(slide())).toBe(false);
  });
});

describe('ranking answers', () => {
  it('are stored as the person ordered them, a copy of the order', () => {
    const answer = rank('samverkan', 'kompetens', 'ekonomi');
    const check = checkAnswer(slide(), answer);
    expect(check).toEqual({ ok: true, answer: rank('samverkan', 'kompetens', 'ekonomi') });
    expect(check.ok && check.answer.kind === 'ranking' && check.answer.order).not.toBe((answer as { order: string[] }).order);
  });

  it("accept the slide's own order, which is where a phone starts", () => {
    expect(checkAnswer(slide(), rank('kompetens', 'ekonomi', 'samverkan')).ok).toBe(true);
  });

  it('refuse each kind of bad input with its own code', () => {
    refusedWith('empty_answer', rank());
    refusedWith('duplicate_entry', rank('kompetens', 'kompetens', 'ekonomi'));
    refusedWith('duplicate_entry', rank('kompetens', 'ekonomi', 'samverkan', 'ekonomi'));
    refusedWith('unknown_option', rank('kompetens', 'ekonomi', 'budget'));
    refusedWith('unknown_option', rank('KOMPETENS', 'ekonomi', 'samverkan'));
    refusedWith('too_few_entries', rank('kompetens'));
    refusedWith('too_few_entries', rank('samverkan', 'ekonomi'));
    refusedWith('wrong_answer_kind', { kind: 'choice', optionIds: ['kompetens'] });
  });

  it('ask for every item of the slide as it is now', () => {
    const grown = slide({ items: items('a', 'b', 'c', 'd') });
    refusedWith('too_few_entries', rank('a', 'b', 'c'), grown);
    refusedWith('unknown_option', rank('kompetens', 'ekonomi', 'samverkan'), grown);
    expect(checkAnswer(grown, rank('d', 'c', 'b', 'a'))).toEqual({ ok: true, answer: rank('d', 'c', 'b', 'a') });
  });

  it('are refused by shape before the rules when too long or of a bad type', () => {
    const many = Array.from({ length: RANKING_LIMITS.maxItems + 1 }, (_, i) => `i${i}`);
    expect(answerSchema.safeParse({ kind: 'ranking', order: many }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'ranking', order: ['x'.repeat(65)] }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'ranking', order: [1, 2] }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'ranking', order: ['a'], extra: 1 }).success).toBe(false);
    expect(answerSchema.safeParse({ kind: 'ranking', order: ['a', 'b'] }).success).toBe(true);
  });
});

describe('ranking results', () => {
  const results: RankingResults = {
    kind: 'ranking',
    slideId: 'prio',
    respondents: 4,
    items: [
      { itemId: 'kompetens', places: [3, 1, 0], n: 4, meanRank: 1.25, points: 7 },
      { itemId: 'ekonomi', places: [1, 2, 1], n: 4, meanRank: 2, points: 4 },
      { itemId: 'samverkan', places: [0, 1, 3], n: 4, meanRank: 2.75, points: 1 },
    ],
  };

  it('parse, and refuse a negative or fractional count', () => {
    expect(resultsSchema.parse(results)).toEqual(results);
    const broken = { ...results, items: [{ ...results.items[0], points: -1 }] };
    expect(resultsSchema.safeParse(broken).success).toBe(false);
    const fractional = { ...results, items: [{ ...results.items[0], places: [1.5, 0, 0] }] };
    expect(resultsSchema.safeParse(fractional).success).toBe(false);
  });

  it('are withheld as a whole under the anonymity threshold', () => {
    expect(partsOf(results)).toBeNull();
    expect(applyThreshold(results, 5)).toBeNull();
    expect(isWithheld(results, 5)).toBe(true);
    expect(applyThreshold(results, 4)).toEqual(results);
  });
});
