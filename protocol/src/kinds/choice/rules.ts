import type { ChoiceSlide, Slide } from '../../slides.js';
import { fail, type KindRules, withoutAssets, withoutSources, wholeResults, plainQuestion } from '../kind.js';

export const CHOICE_LIMITS = { minOptions: 2, maxOptions: 10 } as const;

export const choiceRules: KindRules<'choice'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      if (answer.optionIds.length === 0) return fail('empty_answer', 'Choose an option first.');
      const known = new Set(slide.options.map((o) => o.id));
      const picked = [...new Set(answer.optionIds)];
      if (picked.length !== answer.optionIds.length) return fail('duplicate_entry', 'An option was chosen twice.');
      if (picked.some((id) => !known.has(id))) return fail('unknown_option', 'That option is not on this slide.');
      if (!slide.allowMultiple && picked.length > 1) return fail('too_many_entries', 'Choose one option only.');
      const ordered = slide.options.filter((o) => picked.includes(o.id)).map((o) => o.id);
      return { ok: true, answer: { kind: 'choice', optionIds: ordered } };
    },
    resultsOnPhones: (slide) => slide.showResultsOnPhones,
    ...wholeResults,
  },
  withoutHidden: (results) => results,
  blank: (id, newId) => ({
    id,
    kind: 'choice',
    question: '',
    options: [
      { id: newId(), label: '' },
      { id: newId(), label: '' },
    ],
  }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};

/** A question with one answer per person, so its answers put everyone in exactly one group: what results can be split by. */
export function isSingleChoice(slide: Slide): slide is ChoiceSlide {
  return slide.kind === 'choice' && !slide.allowMultiple;
}
