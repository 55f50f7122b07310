import { type ScaleRating, summariseRatings } from '@ettor/protocol';
import { type KindTally, addCount, noShownText } from './kind.js';

interface ScaleCounts {
  respondents: number;
  /**
   * People per statement id and rating, "don't know" under null. Kept by value, not by the slide's steps, so a
   * slide edited to fewer steps (or a statement removed and put back) needs no recount.
   */
  statements: Map<string, Map<number | null, number>>;
}

function count(counts: ScaleCounts, ratings: readonly ScaleRating[], sign: 1 | -1): void {
  counts.respondents += sign;
  for (const { statementId, value } of ratings) {
    const values = counts.statements.get(statementId) ?? new Map<number | null, number>();
    addCount(values, value, sign);
    if (values.size === 0) counts.statements.delete(statementId);
    else counts.statements.set(statementId, values);
  }
}

/** Statements rated on one scale: people per step and "don't know", with mean and spread, per statement. */
export const scaleTally: KindTally<'scale', ScaleCounts, readonly ScaleRating[]> = {
  empty: () => ({ respondents: 0, statements: new Map() }),
  ...noShownText,
  held: ({ answer }) => answer.ratings,
  add: (counts, ratings) => count(counts, ratings, 1),
  remove: (counts, ratings) => count(counts, ratings, -1),
  results(slide, counts) {
    const statements = slide.statements.map(({ id }) => {
      const values = counts.statements.get(id);
      // Ratings beyond the slide's steps (given before an edit to fewer) are left out, not shown on a step that is not there.
      const perStep = Array.from({ length: slide.steps }, (_, index) => values?.get(index + 1) ?? 0);
      return { statementId: id, counts: perStep, skipped: values?.get(null) ?? 0, ...summariseRatings(perStep), hidden: false };
    });
    return { kind: 'scale', slideId: slide.id, respondents: counts.respondents, statements };
  },
};
