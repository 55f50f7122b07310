// The contract every answer kind's tally fulfils; the registry in ./registry.ts holds one per kind.
import type { Answer, AnswerKind, AnswerOf, DeckLanguage, ResultsOf, SlideOf } from '@ettor/protocol';
import type { WordGroups } from '@ettor/protocol/words';

/** One stored answer as the tallies see it. */
export interface StoredAnswer {
  id: string;
  answer: Answer;
  /** ISO time of the last change; orders the text wall. */
  updatedAt: string;
  /** Hidden from the big screen by the presenter; still a respondent. */
  hidden: boolean;
}

export type StoredAnswerOf<K extends AnswerKind> = StoredAnswer & { answer: AnswerOf<K> };

/** What a slide's results depend on besides its answers and the slide itself. */
export interface TallyContext {
  /** wordGroupKey() keys of word-cloud words the presenter hid from the big screen: flagged in the results, still counted. */
  hiddenWords: ReadonlySet<string>;
  /** The deck's language, by which a word cloud groups its words. */
  language: DeckLanguage;
  /** The deck holds words with offensive language back from the big screen, as if hidden, until the presenter shows them. */
  filterOffensive: boolean;
  /** Keys of word-cloud words the presenter showed although the filter held them. */
  shownWords: ReadonlySet<string>;
  /** The presenter's merges and splits of word-cloud words. */
  wordGroups: WordGroups;
}

/**
 * How one kind of answer is counted, answer by answer, so that a delivery costs the size of the result and
 * not the number of answers. `Counts` is a slide's running state, `Held` what one answer adds to it: worked
 * out once when the answer arrives and kept per answer id, so that replacing the answer takes away exactly
 * that. Replacing (remove, then add) and rebuilding (add each to empty()) are SlideTally's, the same for every kind.
 */
export interface KindTally<K extends AnswerKind, Counts, Held> {
  /** The counts of no answers. */
  empty(): Counts;
  /**
   * The text an answer shows as a whole on the big screen (an open answer's), which the offensive-word filter holds back
   * as a whole; null for a kind that shows no free text, or counts it word by word (a word cloud's, held per word).
   */
  shownText(answer: AnswerOf<K>): string | null;
  /** What one answer adds to the counts. */
  held(stored: StoredAnswerOf<K>, context: TallyContext): Held;
  add(counts: Counts, held: Held): void;
  /** Takes away exactly what add() put in for the same held value. */
  remove(counts: Counts, held: Held): void;
  /** The slide's results from its counts; depends on the slide as it is now, so an edited slide needs no recount. */
  results(slide: SlideOf<K>, counts: Counts, context: TallyContext): ResultsOf<K>;
}

/** The text rule of a kind that shows no free text as a whole. */
export const noShownText = { shownText: (): string | null => null };

/** Adds to a count by key, dropping counts that reach zero so that changed answers do not leave maps growing. */
export function addCount<Key>(counts: Map<Key, number>, key: Key, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
}
