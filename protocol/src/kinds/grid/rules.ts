import { fail, type KindRules, withoutAssets, withoutSources, plainQuestion } from '../kind.js';

export const GRID_LIMITS = { minItems: 1, maxItems: 8, minMax: 2, maxMax: 100, axisLabelLength: 60 } as const;

export const gridRules: KindRules<'grid'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      const known = new Set(slide.items.map((item) => item.id));
      if (answer.placements.length === 0) return fail('empty_answer', 'Place at least one item.');
      if (new Set(answer.placements.map((p) => p.itemId)).size !== answer.placements.length) {
        return fail('duplicate_entry', 'An item was placed twice.');
      }
      if (answer.placements.some((p) => !known.has(p.itemId))) return fail('unknown_option', 'That item is not on this slide.');
      if (answer.placements.some((p) => p.x < 0 || p.x > slide.max || p.y < 0 || p.y > slide.max)) {
        return fail('out_of_range', `A place is a whole number from 0 to ${slide.max} on each scale.`);
      }
      const byId = new Map(answer.placements.map((p) => [p.itemId, p]));
      const placements = slide.items.flatMap((item) => {
        const placed = byId.get(item.id);
        return placed ? [{ itemId: item.id, x: placed.x, y: placed.y }] : [];
      });
      return { ok: true, answer: { kind: 'grid', placements } };
    },
    resultsOnPhones: () => false,
    parts: (results) => results.items.map((item) => item.n),
    withholdParts: (results, withheld) => ({
      ...results,
      items: results.items.map((item, index) =>
        withheld[index] ? { ...item, n: 0, meanX: null, meanY: null, sdX: null, sdY: null, hidden: true } : item,
      ),
    }),
  },
  withoutHidden: (results) => results,
  blank: (id, newId) => ({ id, kind: 'grid', question: '', items: [{ id: newId(), label: '' }] }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};
