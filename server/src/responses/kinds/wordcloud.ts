import { WORDCLOUD_LIMITS, cleanText, wordKey } from '@ettor/protocol';
import { countedWordKey } from '@ettor/protocol/words';
import { type KindTally, addCount } from './kind.js';

const collator = new Intl.Collator('sv', { caseFirst: 'lower' });

/** Collation treats NFC and NFD spellings as equal; code units then decide, so the answer never depends on row order. */
const byCollationThenCodeUnits = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

interface Word {
  count: number;
  spellings: Map<string, number>;
}

interface WordCounts {
  respondents: number;
  /** By countedWordKey(): the word's group in the deck's language, as the presenter regrouped it. */
  words: Map<string, Word>;
}

/** Each entry's group key and spelling, worked out once: stemming is not free. */
type Entries = readonly { key: string; spelling: string }[];

function count(counts: WordCounts, entries: Entries, sign: 1 | -1): void {
  counts.respondents += sign;
  for (const { key, spelling } of entries) {
    const word = counts.words.get(key) ?? { count: 0, spellings: new Map<string, number>() };
    word.count += sign;
    addCount(word.spellings, spelling, sign);
    if (word.count === 0) counts.words.delete(key);
    else counts.words.set(key, word);
  }
}

/**
 * Entries are one word when they share a group key in the deck's language (inflected forms, case and spacing aside);
 * a person's two forms of one word count once, and entries of filler words alone count for nothing.
 */
export const wordCloudTally: KindTally<'wordcloud', WordCounts, Entries> = {
  empty: () => ({ respondents: 0, words: new Map() }),
  held({ answer }, { language, wordGroups }) {
    const byKey = new Map<string, string>();
    for (const entry of answer.entries) {
      const key = countedWordKey(entry, language, wordGroups);
      if (key.length > 0 && !byKey.has(key)) byKey.set(key, cleanText(entry));
    }
    return [...byKey].map(([key, spelling]) => ({ key, spelling }));
  },
  add: (counts, entries) => count(counts, entries, 1),
  remove: (counts, entries) => count(counts, entries, -1),
  results(slide, counts, { hiddenWords }) {
    const list = [...counts.words].map(([key, word]) => ({ key, word, forms: formsOf(word.spellings) }));
    // Distinct keys can collate as equal (ignorable characters); code units then decide, as the map's order depends on history.
    list.sort((a, b) => b.word.count - a.word.count || byCollationThenCodeUnits(a.key, b.key));
    return {
      kind: 'wordcloud',
      slideId: slide.id,
      respondents: counts.respondents,
      words: list.map(({ key, word, forms: [label = '', ...others] }) => ({
        text: label,
        count: word.count,
        hidden: hiddenWords.has(key),
        forms: others.slice(0, WORDCLOUD_LIMITS.shownForms),
      })),
    };
  },
};

/**
 * The most frequent spelling. Ties go to the first in Swedish collation, where lower case sorts before
 * capitals, so the result is stable and a word typed in capitals does not shout on the screen.
 */
function mostCommon(spellings: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [spelling, count] of spellings) {
    if (count > bestCount || (count === bestCount && byCollationThenCodeUnits(spelling, best) < 0)) {
      best = spelling;
      bestCount = count;
    }
  }
  return best;
}

/**
 * The forms counted as one word (case aside: "Politiker" is "politiker"), most given first, each in its most common
 * spelling: the first is the word's label, the rest the other forms the presenter sees.
 */
function formsOf(spellings: Map<string, number>): string[] {
  const byForm = new Map<string, Map<string, number>>();
  for (const [spelling, count] of spellings) {
    const form = wordKey(spelling);
    byForm.set(form, (byForm.get(form) ?? new Map<string, number>()).set(spelling, count));
  }
  return [...byForm.values()]
    .map((forms) => ({ text: mostCommon(forms), count: [...forms.values()].reduce((sum, n) => sum + n, 0) }))
    .sort((a, b) => b.count - a.count || byCollationThenCodeUnits(a.text, b.text))
    .map((form) => form.text);
}
