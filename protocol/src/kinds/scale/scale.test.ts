import { describe, expect, it } from 'vitest';
import {
  type Answer,
  applyThreshold,
  checkAnswer,
  type ErrorCode,
  isWithheld,
  partsOf,
  type ScaleResults,
  type ScaleSlide,
  SCALE_LIMITS,
  slideSchema,
  summariseRatings,
} from '../../index.js';

const slide = (extra: Record<string, unknown> = {}) =>
  slideSchema.parse({
    id: 'dk',
    kind: 'scale',
    question: 'Hur väl stämmer detta?',
    statements: [
      { id: 's1', label: 'Digitaliseringen är viktig' },
      { id: 's2', label: 'Vi har kompetensen' },
      { id: 's3', label: 'Vi vet vad vi vill' },
    ],
    steps: 5,
    minLabel: 'Instämmer inte alls',
    maxLabel: 'Instämmer helt',
    ...extra,
  }) as ScaleSlide;

const rate = (...ratings: [string, number | null][]): Answer => ({
  kind: 'scale',
  ratings: ratings.map(([statementId, value]) => ({ statementId, value })),
});

const refusedWith = (code: ErrorCode, answer: Answer, on = slide()) => {
  const check = checkAnswer(on, answer);
  expect(check.ok ? 'accepted' : check.problem.code).toBe(code);
};

describe('scale slides', () => {
  it('parse with their defaults', () => {
    expect(slideSchema.parse({ id: 'x', kind: 'scale', question: 'Q', statements: [{ id: 'a', label: 'A' }] })).toEqual({
      id: 'x',
      kind: 'scale',
      notes: '',
      question: 'Q',
      allowChange: true,
      statements: [{ id: 'a', label: 'A' }],
      steps: 5,
      minLabel: '',
      maxLabel: '',
      allowSkip: false,
    });
  });

  it.each([
    ['no statements', { statements: [] }],
    [
      'too many statements',
      { statements: Array.from({ length: SCALE_LIMITS.maxStatements + 1 }, (_, i) => ({ id: `s${i}`, label: 'x' })) },
    ],
    [
      'two statements with one id',
      {
        statements: [
          { id: 'a', label: 'A' },
          { id: 'a', label: 'B' },
        ],
      },
    ],
    ['too few steps', { steps: SCALE_LIMITS.minSteps - 1 }],
    ['too many steps', { steps: SCALE_LIMITS.maxSteps + 1 }],
    ['a fractional step count', { steps: 4.5 }],
    ['an end label that is too long', { maxLabel: 'x'.repeat(SCALE_LIMITS.endLabelLength + 1) }],
  ])('refuse %s', (_, extra) => {
    expect(() => slide(extra)).toThrow();
  });
});

describe('scale answers', () => {
  it('are stored in the slide order, skipped statements left out', () => {
    expect(checkAnswer(slide(), rate(['s3', 5], ['s1', 1]))).toEqual({ ok: true, answer: rate(['s1', 1], ['s3', 5]) });
  });

  it('take "don\'t know" only when the slide allows it', () => {
    refusedWith('skip_not_allowed', rate(['s1', null]));
    expect(checkAnswer(slide({ allowSkip: true }), rate(['s1', null], ['s2', 3]))).toEqual({
      ok: true,
      answer: rate(['s1', null], ['s2', 3]),
    });
  });

  it('refuse each kind of bad input with its own code', () => {
    refusedWith('empty_answer', rate());
    refusedWith('out_of_range', rate(['s1', 0]));
    refusedWith('out_of_range', rate(['s1', 6]));
    refusedWith('out_of_range', rate(['s1', -3]));
    refusedWith('unknown_statement', rate(['nope', 3]));
    refusedWith('duplicate_entry', rate(['s1', 3], ['s1', 4]));
    refusedWith('too_many_entries', rate(['s1', 1], ['s2', 1], ['s3', 1], ['s4', 1]));
    refusedWith('wrong_answer_kind', { kind: 'choice', optionIds: ['s1'] });
  });

  it('respect the number of steps the slide has', () => {
    expect(checkAnswer(slide({ steps: 10 }), rate(['s1', 10])).ok).toBe(true);
    refusedWith('out_of_range', rate(['s1', 4]), slide({ steps: 3 }));
  });
});

describe('summariseRatings', () => {
  it('gives no mean or spread without ratings', () => {
    expect(summariseRatings([0, 0, 0])).toEqual({ n: 0, mean: null, sd: null });
  });

  it('gives the mean and the population standard deviation', () => {
    // Ratings 1, 3, 3, 5: mean 3, squared deviations 4 + 0 + 0 + 4 over 4 people.
    expect(summariseRatings([1, 0, 2, 0, 1])).toEqual({ n: 4, mean: 3, sd: Math.SQRT2 });
    expect(summariseRatings([0, 7, 0])).toEqual({ n: 7, mean: 2, sd: 0 });
  });
});

describe('a scale under the anonymity threshold', () => {
  const statement = (statementId: string, counts: number[], skipped = 0) => ({
    statementId,
    counts,
    skipped,
    ...summariseRatings(counts),
    hidden: false,
  });
  const results: ScaleResults = {
    kind: 'scale',
    slideId: 'skala',
    respondents: 6,
    // Six answered: all six rated the first statement, two the second (four said "vet ej"), none the third.
    statements: [statement('s1', [1, 2, 3]), statement('s2', [0, 1, 1], 4), statement('s3', [0, 0, 0], 6)],
  };

  it('withholds a statement fewer than k rated, keeping the rest and the respondents', () => {
    const shown = applyThreshold(results, 3);
    expect(shown).toEqual({
      ...results,
      statements: [
        results.statements[0],
        { statementId: 's2', counts: [0, 0, 0], skipped: 0, n: 0, mean: null, sd: null, hidden: true },
        results.statements[2],
      ],
    });
    expect(partsOf(results)).toEqual([6, 2, 0]);
  });

  it('withholds the whole results of fewer than k, and nothing at k', () => {
    expect(applyThreshold(results, 7)).toBeNull();
    expect(isWithheld(results, 7)).toBe(true);
    expect(applyThreshold(results, 2)).toEqual(results);
    expect(isWithheld(results, 2)).toBe(false);
  });

  it('leaves results no one has answered yet as they are', () => {
    const none: ScaleResults = { ...results, respondents: 0, statements: [statement('s1', [0, 0, 0])] };
    expect(applyThreshold(none, 5)).toEqual(none);
  });
});
