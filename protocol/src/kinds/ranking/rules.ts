import { fail, type KindRules, wholeResults, withoutAssets, withoutSources, plainQuestion } from '../kind.js';

export const RANKING_LIMITS = { minItems: 2, maxItems: 10 } as const;

export const rankingRules: KindRules<'ranking'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      const known = new Set(slide.items.map((item) => item.id));
      if (answer.order.length === 0) return fail('empty_answer', 'Put the items in order.');
      if (new Set(answer.order).size !== answer.order.length) return fail('duplicate_entry', 'An item was given two places.');
      if (answer.order.some((id) => !known.has(id))) return fail('unknown_option', 'That item is not on this slide.');
      if (answer.order.length < slide.items.length) {
        return fail('too_few_entries', `Give each of the ${slide.items.length} items a place.`);
      }
      return { ok: true, answer: { kind: 'ranking', order: [...answer.order] } };
    },
    resultsOnPhones: () => false,
    ...wholeResults,
  },
  withoutHidden: (results) => results,
  blank: (id, newId) => ({
    id,
    kind: 'ranking',
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
