import { fail, type KindRules, wholeResults, withoutAssets, withoutSources, plainQuestion } from '../kind.js';

export const POINTS_LIMITS = { minItems: 2, maxItems: 10, minBudget: 1, maxBudget: 1000 } as const;

export const pointsRules: KindRules<'points'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      const known = new Set(slide.items.map((item) => item.id));
      const given = answer.allocations.filter((allocation) => allocation.points !== 0);
      if (new Set(answer.allocations.map((a) => a.itemId)).size !== answer.allocations.length) {
        return fail('duplicate_entry', 'An item was given points twice.');
      }
      if (answer.allocations.some((a) => !known.has(a.itemId))) return fail('unknown_option', 'That item is not on this slide.');
      if (answer.allocations.some((a) => a.points < 0 || a.points > slide.budget)) {
        return fail('out_of_range', `Points are whole numbers from 0 to ${slide.budget}.`);
      }
      if (given.length === 0) return fail('empty_answer', 'Give some item at least one point.');
      const spent = given.reduce((sum, a) => sum + a.points, 0);
      if (spent > slide.budget) return fail('over_budget', `That is ${spent} points; you have ${slide.budget}.`);
      const byId = new Map(given.map((a) => [a.itemId, a.points]));
      const allocations = slide.items
        .filter((item) => byId.has(item.id))
        .map((item) => ({ itemId: item.id, points: byId.get(item.id) ?? 0 }));
      return { ok: true, answer: { kind: 'points', allocations } };
    },
    resultsOnPhones: () => false,
    ...wholeResults,
  },
  withoutHidden: (results) => results,
  blank: (id, newId) => ({
    id,
    kind: 'points',
    question: '',
    items: [
      { id: newId(), label: '' },
      { id: newId(), label: '' },
    ],
  }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};

/** Points a draft has left of the budget; negative when over it. */
export function pointsLeft(budget: number, allocations: readonly { points: number }[]): number {
  return allocations.reduce((left, allocation) => left - allocation.points, budget);
}
