import { fail, type KindRules, withoutAssets, withoutSources, plainQuestion } from '../kind.js';

export const SCALE_LIMITS = {
  minStatements: 1,
  maxStatements: 8,
  minSteps: 3,
  maxSteps: 10,
  endLabelLength: 60,
} as const;

export const scaleRules: KindRules<'scale'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      const known = new Set(slide.statements.map((s) => s.id));
      const rated = new Set(answer.ratings.map((r) => r.statementId));
      if (answer.ratings.length === 0) return fail('empty_answer', 'Rate at least one statement.');
      if (rated.size !== answer.ratings.length) return fail('duplicate_entry', 'A statement was rated twice.');
      if (answer.ratings.length > slide.statements.length) {
        return fail('too_many_entries', `This slide has ${slide.statements.length} statements.`);
      }
      if ([...rated].some((id) => !known.has(id))) return fail('unknown_statement', 'That statement is not on this slide.');
      for (const { value } of answer.ratings) {
        if (value === null && !slide.allowSkip) return fail('skip_not_allowed', 'Choose a step for every statement you rate.');
        if (value !== null && (value < 1 || value > slide.steps)) {
          return fail('out_of_range', `A rating is a whole number from 1 to ${slide.steps}.`);
        }
      }
      const byId = new Map(answer.ratings.map((r) => [r.statementId, r.value]));
      const ratings = slide.statements.filter((s) => byId.has(s.id)).map((s) => ({ statementId: s.id, value: byId.get(s.id) ?? null }));
      return { ok: true, answer: { kind: 'scale', ratings } };
    },
    resultsOnPhones: () => false,
    parts: (results) => results.statements.map((statement) => statement.n),
    withholdParts: (results, withheld) => ({
      ...results,
      statements: results.statements.map((statement, index) =>
        withheld[index]
          ? { ...statement, counts: statement.counts.map(() => 0), skipped: 0, n: 0, mean: null, sd: null, hidden: true }
          : statement,
      ),
    }),
  },
  withoutHidden: (results) => results,
  blank: (id, newId) => ({ id, kind: 'scale', question: '', statements: [{ id: newId(), label: '' }] }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};

export interface RatingSummary {
  /** Ratings given. */
  n: number;
  mean: number | null;
  /** Population standard deviation: the spread of this room's answers, not an estimate for a wider population. */
  sd: number | null;
}

/** Mean and spread of ratings from their counts per step (index 0 is step 1). */
export function summariseRatings(counts: readonly number[]): RatingSummary {
  let n = 0;
  let sum = 0;
  counts.forEach((count, index) => {
    n += count;
    sum += count * (index + 1);
  });
  if (n === 0) return { n, mean: null, sd: null };
  const mean = sum / n;
  let squares = 0;
  counts.forEach((count, index) => {
    squares += count * (index + 1 - mean) ** 2;
  });
  return { n, mean, sd: Math.sqrt(squares / n) };
}
