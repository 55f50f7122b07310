import { WORDCLOUD_LIMITS, cleanText, wordKey } from '@ettor/protocol';
import { countedWordKey, isOwnWordKey, wordGroupKey } from '@ettor/protocol/words';
import { isOffensive } from '../../moderation/offensive.js';
import { type KindTally, addCount, noShownText } from './kind.js';

const collator = new Intl.Collator('sv', { caseFirst: 'lower' });

/** Collation treats NFC and NFD spellings as equal; code units then decide, so the answer never depends on row order. */
const byCollationThenCodeUnits = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

interface Word {
  count: number;
  /** How many of its entries the offensive-word filter would hold. */
  offensive: number;
  spellings: Map<string, number>;
  /** Of those, spellings counted here because the presenter merged their word into this one. */
  joined: Map<string, number>;
}

interface WordCounts {
  respondents: number;
  /** By countedWordKey(): the word's group in the deck's language, as the presenter regrouped it. */
  words: Map<string, Word>;
}

/** Each entry's group key and spelling, whether a merge brought it here and whether it is offensive, worked out once. */
type Entries = readonly { key: string; spelling: string; joined: boolean; offensive: boolean }[];

function count(counts: WordCounts, entries: Entries, sign: 1 | -1): void {
  counts.respondents += sign;
  for (const { key, spelling, joined, offensive } of entries) {
    const word = counts.words.get(key) ?? {
      count: 0,
      offensive: 0,
      spellings: new Map<string, number>(),
      joined: new Map<string, number>(),
    };
    word.count += sign;
    if (offensive) word.offensive += sign;
    addCount(word.spellings, spelling, sign);
    if (joined) addCount(word.joined, spelling, sign);
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
  ...noShownText,
  held({ answer }, { language, wordGroups }) {
    const byKey = new Map<string, Entries[number]>();
    for (const entry of answer.entries) {
      const key = countedWordKey(entry, language, wordGroups);
      if (key.length === 0 || byKey.has(key)) continue;
      // Merges are rare; only then is the natural key worked out a second time (a split form keeps it as its prefix).
      const joined = wordGroups.size > 0 && !isOwnWordKey(key, wordGroupKey(entry, language));
      byKey.set(key, { key, spelling: cleanText(entry), joined, offensive: isOffensive(entry, language) });
    }
    return [...byKey.values()];
  },
  add: (counts, entries) => count(counts, entries, 1),
  remove: (counts, entries) => count(counts, entries, -1),
  results(slide, counts, { hiddenWords, filterOffensive, shownWords }) {
    const list = [...counts.words].map(([key, word]) => ({ key, word, forms: formsOf(word) }));
    // Distinct keys can collate as equal (ignorable characters); code units then decide, as the map's order depends on history.
    list.sort((a, b) => b.word.count - a.word.count || byCollationThenCodeUnits(a.key, b.key));
    return {
      kind: 'wordcloud',
      slideId: slide.id,
      respondents: counts.respondents,
      words: list.map(({ key, word, forms: [label = '', ...others] }) => ({
        text: label,
        count: word.count,
        // A word awaiting approval, or one the filter holds, is hidden as if the presenter had hidden it, until they show it.
        hidden: hiddenWords.has(key) || ((slide.approveFirst || (filterOffensive && word.offensive > 0)) && !shownWords.has(key)),
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
 * spelling: the first is the word's label, the rest the other forms the presenter sees. On a tie a form of the word
 * itself goes before one merged into it, so "mod" merged into "tillit" reads "tillit".
 */
function formsOf({ spellings, joined }: Word): string[] {
  const byForm = new Map<string, Map<string, number>>();
  for (const [spelling, count] of spellings) {
    const form = wordKey(spelling);
    byForm.set(form, (byForm.get(form) ?? new Map<string, number>()).set(spelling, count));
  }
  return [...byForm.values()]
    .map((forms) => {
      const given = [...forms].reduce((sum, [, n]) => sum + n, 0);
      const native = [...forms].some(([spelling, n]) => n > (joined.get(spelling) ?? 0));
      return { text: mostCommon(forms), count: given, native };
    })
    .sort((a, b) => b.count - a.count || Number(b.native) - Number(a.native) || byCollationThenCodeUnits(a.text, b.text))
    .map((form) => form.text);
}
