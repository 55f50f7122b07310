import { cleanText, hasLoneSurrogate, textLength, wordKey } from '../../text.js';
import { fail, type KindRules, withoutAssets, withoutSources, wholeResults, plainQuestion } from '../kind.js';

export const WORDCLOUD_LIMITS = { maxEntries: 3, maxLength: 50, shownForms: 5 } as const;

export const wordCloudRules: KindRules<'wordcloud'> = {
  hasResults: true,
  answers: {
    ...plainQuestion,
    check(slide, answer) {
      if (answer.entries.some(hasLoneSurrogate)) return fail('validation_failed', 'The text contains broken characters.');
      // The same word twice on one phone ("Förståelse", "förståelse") is one entry, kept as first written: a person
      // repeating themselves is not an error to correct.
      const byWord = new Map<string, string>();
      for (const entry of answer.entries.map(cleanText)) {
        const key = wordKey(entry);
        if (key.length > 0 && !byWord.has(key)) byWord.set(key, entry);
      }
      const entries = [...byWord.values()];
      if (entries.length === 0) return fail('empty_answer', 'Write at least one word.');
      if (entries.length > slide.maxEntries) return fail('too_many_entries', `At most ${slide.maxEntries} entries are allowed.`);
      if (entries.some((entry) => textLength(entry) > slide.maxLength)) {
        return fail('too_long', `Each entry may be at most ${slide.maxLength} characters.`);
      }
      return { ok: true, answer: { kind: 'wordcloud', entries } };
    },
    resultsOnPhones: () => false,
    ...wholeResults,
  },
  withoutHidden: (results) => ({ ...results, words: results.words.filter((word) => !word.hidden) }),
  blank: (id) => ({ id, kind: 'wordcloud', question: '' }),
  title: (slide) => slide.question,
  ...withoutAssets,
  ...withoutSources,
};
