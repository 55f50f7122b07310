// Which word-cloud entries are one idea: inflected forms share a stem ("kompetens", "kompetensen", "kompetenser"),
// filler words do not count, abbreviations in capitals stay as written. Pure, but kept out of the protocol's main
// entry because the stemmers are large and only the server and the bench count words.
import snowball from 'snowball-stemmers';
import type { DeckLanguage } from '../constants.js';
import { cleanText, wordKey } from '../text.js';
import { STOP_WORDS } from './stop-words.js';

const swedish = snowball.newStemmer('swedish');
const english = snowball.newStemmer('english');

/** Snowball takes one suffix a pass, so "kompetensen" becomes "kompetens" and "kompetens" "kompet": stem until nothing changes. */
function stemFully(stem: (word: string) => string, word: string): string {
  let current = word;
  for (let pass = 0; pass < 4; pass += 1) {
    const next = stem(current);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** One Swedish pass: Snowball's suffix, else the definite "-et" Snowball leaves alone ("modet", "ansvaret"). */
const swedishPass = (word: string): string => {
  const stem = swedish.stem(word);
  return stem === word && word.length >= 5 && word.endsWith('et') ? word.slice(0, -2) : stem;
};

// Snowball also leaves the definite "-an" of "-a" nouns alone: "viljan", "datan".
const stemSwedish = (word: string): string => stemFully(swedishPass, word.length >= 5 && word.endsWith('an') ? word.slice(0, -1) : word);

const STEMMERS: { readonly [L in DeckLanguage]: (word: string) => string } = {
  sv: stemSwedish,
  en: (word) => stemFully((w) => english.stem(w), word),
};

/** Punctuation around a word ("kunskap!", "(mod)") is not part of it; inside it is ("IT-stöd", "e-tjänst"). Emoji are words. */
const EDGES = /^\p{P}+|\p{P}+$/gu;
/** An abbreviation written in capitals: "IT", "AI", "GDPR". Never a filler word and never stemmed. */
const ABBREVIATION = /^\p{Lu}{2,6}$/u;

/**
 * The key under which word-cloud entries are one word in a deck of this language: each word stemmed, filler words
 * left out, case and spacing ignored. Empty when nothing is left ("och", "!!"): such an entry is not counted.
 */
export function wordGroupKey(text: string, language: DeckLanguage): string {
  const stops = STOP_WORDS[language];
  const stem = STEMMERS[language];
  const keys: string[] = [];
  for (const token of cleanText(text).normalize('NFC').split(' ')) {
    const word = token.replace(EDGES, '');
    if (word === '') continue;
    const lower = word.toLocaleLowerCase(language);
    if (ABBREVIATION.test(word)) keys.push(lower);
    else if (!stops.has(lower)) keys.push(stem(lower));
  }
  return keys.join(' ');
}

/**
 * The presenter's regrouping of one slide's words, by natural group key (wordGroupKey): merged into another word's
 * group (its key), or null where the group is counted form by form.
 */
export type WordGroups = ReadonlyMap<string, string | null>;

/** Between a split word's natural key and one of its forms: a control character no typed word carries. */
const FORM_SEPARATOR = '\u001f';

/** Whether an entry counted under `key` stays in its own word: its natural group, or one of its forms after a split. */
export function isOwnWordKey(key: string, natural: string): boolean {
  return key === natural || key.startsWith(`${natural}${FORM_SEPARATOR}`);
}

/** Merges followed at most this far; a longer chain (or a loop a race let in) stops where it is. */
const MAX_MERGES = 10;

/**
 * The key an entry is counted under once the presenter's merges and splits apply: its natural group, the group it
 * was merged into (followed to the end), or, in a group split by hand, its own form.
 */
export function countedWordKey(text: string, language: DeckLanguage, groups: WordGroups): string {
  const natural = wordGroupKey(text, language);
  if (natural === '' || groups.size === 0) return natural;
  let key = natural;
  for (let step = 0; step < MAX_MERGES; step += 1) {
    const into = groups.get(key);
    if (into === undefined) break;
    if (into === null) return key === natural ? `${natural}${FORM_SEPARATOR}${wordKey(text)}` : key;
    key = into;
  }
  return key;
}
