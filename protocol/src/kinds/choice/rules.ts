import type { Problem } from '../../error-codes.js';
import type { ChoiceSlide, Slide } from '../../slides.js';
import { type KindRules, withoutAssets, withoutSources, wholeResults, plainQuestion } from '../kind.js';

export const CHOICE_LIMITS = { minOptions: 2, maxOptions: 10 } as const;

/** Options chosen from a slide's, in the slide's order, or the first rule they break; a choice's and a quiz's rule. */
export function checkChosen(
  options: readonly { id: string }[],
  optionIds: readonly string[],
  multiple: boolean,
): { ok: true; optionIds: string[] } | { ok: false; problem: Problem } {
  const refuse = (code: Problem['code'], message: string) => ({ ok: false as const, problem: { code, message } });
  if (optionIds.length === 0) return refuse('empty_answer', 'Choose an option first.');
  const known = new Set(options.map((o) => o.id));
  const picked = [...new Set(optionIds)];
  if (picked.length !== optionIds.length) return refuse('duplicate_entry', 'An option was chosen twice.');
  if (picked.some((id) => !known.has(id))) return refuse('unknown_option', 'That option is not on this slide.');
  if (!multiple && picked.length > 1) return refuse('too_many_entries', 'Choose one option only.');
  return { ok: true, optionIds: options.filter((o) => picked.includes(o.id)).map((o) => o.id) };
}

export const choiceRules: KindRules<'choice'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      const chosen = checkChosen(slide.options, answer.optionIds, slide.allowMultiple);
      return chosen.ok ? { ok: true, answer: { kind: 'choice', optionIds: chosen.optionIds } } : chosen;
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
