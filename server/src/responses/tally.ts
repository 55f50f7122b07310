import { type Answer, type QuestionSlide, type Results, cleanText, wordKey } from '@ettor/protocol';

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

interface OpenEntry {
  id: string;
  text: string;
  hidden: boolean;
  updatedAt: string;
}

/**
 * What one answer adds to the counts. Kept per answer id so that a replacement takes away exactly this,
 * with each word's key and spelling worked out once: wordKey and cleanText are not free.
 */
type Contribution =
  | { kind: 'choice'; optionIds: readonly string[] }
  | { kind: 'wordcloud'; entries: readonly { key: string; spelling: string }[] }
  | { kind: 'open'; entry: OpenEntry };

/**
 * A slide's results kept up to date answer by answer, so that a delivery costs the number of distinct words
 * or texts, not the number of answers. Answers of every kind are counted whatever the slide's kind, and
 * choices for every option id: results() then depends on the slide alone, and no new version of the slide
 * calls for a recount.
 */
export class SlideTally {
  private readonly hiddenWords: ReadonlySet<string>;
  private readonly held = new Map<string, Contribution>();
  private choiceRespondents = 0;
  private readonly optionCounts = new Map<string, number>();
  private wordRespondents = 0;
  private readonly words = new Map<string, { count: number; spellings: Map<string, number> }>();
  private readonly texts = new Map<string, OpenEntry>();

  /** `hiddenWords` are wordKey() keys. */
  constructor(
    private slide: QuestionSlide,
    hiddenWords: Iterable<string> = [],
  ) {
    this.hiddenWords = new Set(hiddenWords);
  }

  /** The slide whose results these are; a new version of the same slide (e.g. edited options) takes effect on the next results(). */
  setSlide(slide: QuestionSlide): void {
    this.slide = slide;
  }

  /** Adds an answer, or replaces the earlier answer with the same id (a changed answer, or the same row seen twice). Idempotent. */
  upsert(stored: StoredAnswer): void {
    const previous = this.held.get(stored.id);
    if (previous !== undefined) this.count(previous, -1);
    const contribution = contributionOf(stored);
    this.held.set(stored.id, contribution);
    this.count(contribution, 1);
  }

  /** Number of distinct answer ids held. */
  get size(): number {
    return this.held.size;
  }

  results(): Results {
    const slide = this.slide;
    switch (slide.kind) {
      case 'choice':
        return {
          kind: 'choice',
          slideId: slide.id,
          respondents: this.choiceRespondents,
          counts: slide.options.map(({ id }) => ({ optionId: id, count: this.optionCounts.get(id) ?? 0 })),
        };
      case 'wordcloud': {
        const list = [...this.words].map(([key, word]) => ({ key, text: mostCommon(word.spellings), count: word.count }));
        // Distinct keys can collate as equal (ignorable characters); code units then decide, as the map's order depends on history.
        list.sort((a, b) => b.count - a.count || byCollationThenCodeUnits(a.key, b.key));
        return {
          kind: 'wordcloud',
          slideId: slide.id,
          respondents: this.wordRespondents,
          words: list.map(({ key, text, count }) => ({ text, count, hidden: this.hiddenWords.has(key) })),
        };
      }
      case 'open': {
        const entries = [...this.texts.values()]
          .sort((a, b) => (a.updatedAt === b.updatedAt ? b.id.localeCompare(a.id) : b.updatedAt.localeCompare(a.updatedAt)))
          .map(({ id, text, hidden }) => ({ id, text, hidden }));
        return { kind: 'open', slideId: slide.id, respondents: entries.length, entries };
      }
    }
  }

  private count(contribution: Contribution, sign: 1 | -1): void {
    switch (contribution.kind) {
      case 'choice':
        this.choiceRespondents += sign;
        for (const id of contribution.optionIds) add(this.optionCounts, id, sign);
        return;
      case 'wordcloud':
        this.wordRespondents += sign;
        for (const { key, spelling } of contribution.entries) {
          const word = this.words.get(key) ?? { count: 0, spellings: new Map<string, number>() };
          word.count += sign;
          add(word.spellings, spelling, sign);
          if (word.count === 0) this.words.delete(key);
          else this.words.set(key, word);
        }
        return;
      case 'open':
        if (sign > 0) this.texts.set(contribution.entry.id, contribution.entry);
        else this.texts.delete(contribution.entry.id);
    }
  }
}

/**
 * Results of a slide from its stored answers; a later answer with the same id replaces an earlier one.
 * Pure: the same answers always give the same results.
 */
export function tally(slide: QuestionSlide, answers: readonly StoredAnswer[], hiddenWords: ReadonlySet<string> = new Set()): Results {
  const tallied = new SlideTally(slide, hiddenWords);
  for (const stored of answers) tallied.upsert(stored);
  return tallied.results();
}

/** Word-cloud entries are merged case- and whitespace-insensitively; empty ones count for nothing. */
function contributionOf({ id, answer, updatedAt, hidden }: StoredAnswer): Contribution {
  switch (answer.kind) {
    case 'choice':
      return { kind: 'choice', optionIds: answer.optionIds };
    case 'wordcloud':
      return {
        kind: 'wordcloud',
        entries: answer.entries.map((entry) => ({ key: wordKey(entry), spelling: cleanText(entry) })).filter(({ key }) => key.length > 0),
      };
    case 'open':
      return { kind: 'open', entry: { id, text: answer.text, hidden, updatedAt } };
  }
}

/** Drops counts that reach zero, so changed answers do not leave the maps growing with words and spellings nobody has any more. */
function add(counts: Map<string, number>, key: string, delta: number): void {
  const count = (counts.get(key) ?? 0) + delta;
  if (count === 0) counts.delete(key);
  else counts.set(key, count);
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
