import { hasLoneSurrogate, textLength } from '../../text.js';
import { fail, type KindRules, withoutAssets, withoutSources, wholeResults, plainQuestion } from '../kind.js';

export const OPEN_LIMITS = { maxLength: 500 } as const;

export const openRules: KindRules<'open'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      if (hasLoneSurrogate(answer.text)) return fail('validation_failed', 'The text contains broken characters.');
      const text = answer.text.trim();
      if (text.length === 0) return fail('empty_answer', 'Write an answer first.');
      if (textLength(text) > slide.maxLength) return fail('too_long', `The answer may be at most ${slide.maxLength} characters.`);
      return { ok: true, answer: { kind: 'open', text } };
    },
    resultsOnPhones: () => false,
    ...wholeResults,
  },
  withoutHidden: (results) => ({ ...results, entries: results.entries.filter((entry) => !entry.hidden) }),
  blank: (id) => ({ id, kind: 'open', question: '' }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};
