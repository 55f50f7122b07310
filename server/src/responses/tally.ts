import { type Answer, type ChoiceSlide, type OpenSlide, type QuestionSlide, type Results, type WordCloudSlide, cleanText, wordKey } from '@ettor/protocol';

const collator = new Intl.Collator('sv', { caseFirst: 'lower' });

/** Collation treats NFC and NFD spellings as equal; code units then decide, so the answer never depends on row order. */
const byCollationThenCodeUnits = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/** One stored answer as the tallies see it. */
export interface StoredAnswer {
  id: string;
  answer: Answer;
  /** ISO time of the last change; orders the text wall. */
  updatedAt: string;
  /** Hidden from the big screen by the presenter; still a respondent. */
  hidden: boolean;
}

/** Results of a slide from its stored answers. Pure: the same answers always give the same results. */
export function tally(slide: QuestionSlide, answers: readonly StoredAnswer[], hiddenWords: ReadonlySet<string> = new Set()): Results {
  switch (slide.kind) {
    case 'choice':
      return tallyChoice(slide, answers);
    case 'wordcloud':
      return tallyWords(slide, answers, hiddenWords);
    case 'open':
      return tallyOpen(slide, answers);
  }
}

export function tallyChoice(slide: ChoiceSlide, answers: readonly StoredAnswer[]): Results {
  const counts = new Map(slide.options.map((o) => [o.id, 0]));
  let respondents = 0;
  for (const { answer } of answers) {
    if (answer.kind !== 'choice') continue;
    respondents += 1;
    for (const id of answer.optionIds) {
      const current = counts.get(id);
      if (current !== undefined) counts.set(id, current + 1);
    }
  }
  return { kind: 'choice', slideId: slide.id, respondents, counts: [...counts].map(([optionId, count]) => ({ optionId, count })) };
}

/** Merges entries case- and whitespace-insensitively; shows each word in its most common spelling. */
export function tallyWords(slide: WordCloudSlide, answers: readonly StoredAnswer[], hiddenWords: ReadonlySet<string> = new Set()): Results {
  const words = new Map<string, { count: number; spellings: Map<string, number> }>();
  let respondents = 0;
  for (const { answer } of answers) {
    if (answer.kind !== 'wordcloud') continue;
    respondents += 1;
    for (const entry of answer.entries) {
      const key = wordKey(entry);
      if (key.length === 0) continue;
      const word = words.get(key) ?? { count: 0, spellings: new Map<string, number>() };
      word.count += 1;
      const spelling = cleanText(entry);
      word.spellings.set(spelling, (word.spellings.get(spelling) ?? 0) + 1);
      words.set(key, word);
    }
  }
  const list = [...words].map(([key, word]) => ({ key, text: mostCommon(word.spellings), count: word.count }));
  list.sort((a, b) => b.count - a.count || collator.compare(a.key, b.key));
  return {
    kind: 'wordcloud',
    slideId: slide.id,
    respondents,
    words: list.map(({ key, text, count }) => ({ text, count, hidden: hiddenWords.has(key) })),
  };
}

export function tallyOpen(slide: OpenSlide, answers: readonly StoredAnswer[]): Results {
  const entries = answers
    .filter((a): a is StoredAnswer & { answer: { kind: 'open'; text: string } } => a.answer.kind === 'open')
    .sort((a, b) => (a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt)))
    .map((a) => ({ id: a.id, text: a.answer.text, hidden: a.hidden }));
  return { kind: 'open', slideId: slide.id, respondents: entries.length, entries };
}

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
