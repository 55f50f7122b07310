import { type Answer, type AnswerKind, type AnswerOf, type ResultKind, type Results, type ResultsOf, pinCell } from '@ettor/protocol';
import { wordGroupKey } from '@ettor/protocol/words';

/**
 * How one kind's answers add up on the big screen, in keys both sides count: the phones from the answers they
 * hold, the presenter from the results it is sent. Equal counts per key mean no answer lost or counted twice.
 */
interface TallyKeys<K extends AnswerKind> {
  /** The keys one answer adds one to. */
  ofAnswer(answer: AnswerOf<K>): string[];
  /** The count the results show per key. */
  ofResults(results: ResultsOf<K>): [string, number][];
}

/** A kind whose results the bench cannot check does not compile. */
export const TALLY_KEYS: { readonly [K in AnswerKind]: TallyKeys<K> } = {
  quiz: {
    ofAnswer: (answer) => answer.optionIds,
    ofResults: (results) => results.counts.map(({ optionId, count }) => [optionId, count]),
  },
  choice: {
    ofAnswer: (answer) => answer.optionIds,
    ofResults: (results) => results.counts.map(({ optionId, count }) => [optionId, count]),
  },
  // By the word's group in the bench deck's language (Swedish), as Ettor counts them; a baseline's separate forms add up.
  wordcloud: {
    ofAnswer: (answer) => [...new Set(answer.entries.map((entry) => wordGroupKey(entry, 'sv')))],
    ofResults: (results) => results.words.map(({ text, count }) => [wordGroupKey(text, 'sv'), count]),
  },
  // Each text once: one missing from the wall, or on it twice, is an answer lost or counted twice.
  open: {
    ofAnswer: (answer) => [answer.text],
    ofResults: (results) => results.entries.map(({ text }) => [text, 1]),
  },
  scale: {
    ofAnswer: (answer) => answer.ratings.map(({ statementId, value }) => `${statementId}/${value ?? 'skip'}`),
    ofResults: (results) =>
      results.statements.flatMap(({ statementId, counts, skipped }) => [
        ...counts.map((count, index): [string, number] => [`${statementId}/${index + 1}`, count]),
        [`${statementId}/skip`, skipped],
      ]),
  },
  // People per item and place; the other kinds by the people per item (points are checked through who gave any).
  ranking: {
    ofAnswer: (answer) => answer.order.map((itemId, index) => `${itemId}/${index + 1}`),
    ofResults: (results) =>
      results.items.flatMap(({ itemId, places }) => places.map((count, index): [string, number] => [`${itemId}/${index + 1}`, count])),
  },
  points: {
    ofAnswer: (answer) => answer.allocations.map(({ itemId }) => itemId),
    ofResults: (results) => results.items.map(({ itemId, n }) => [itemId, n]),
  },
  grid: {
    ofAnswer: (answer) => answer.placements.map(({ itemId }) => itemId),
    ofResults: (results) => results.items.map(({ itemId, n }) => [itemId, n]),
  },
  // Each pin in its heat-layer cell.
  pin: {
    ofAnswer: ({ x, y }) => {
      const { column, row } = pinCell(x, y);
      return [`${column}/${row}`];
    },
    ofResults: (results) => results.cells.map(({ column, row, count }) => [`${column}/${row}`, count]),
  },
};

/** Kinds with results but no answers of their own: drawn from other slides' answers, or a Q&A's questions. */
type StoredResultKind = Exclude<ResultKind, AnswerKind>;

/** What the results of a kind without answers of its own show per key, so the bench sees them change. */
const STORED_KEYS: { readonly [K in StoredResultKind]: (results: ResultsOf<K>) => [string, number][] } = {
  // The ratings behind each column; cells are withheld under k, totals of a whole room seldom are.
  topography: (results) => results.columns.map(({ statementId, total }) => [statementId, total.n]),
  // The players counted; the scores themselves are checked by the server's tests.
  leaderboard: (results) => [['players', results.respondents]],
  // Upvotes per listed question; one asked and never upvoted is there with 0, so it differs from one missing.
  qa: (results) => results.questions.map(({ id, votes }) => [id, votes]),
};

/** Adds `times` to a key's count. */
export function addCount(counts: Map<string, number>, key: string, times: number): void {
  counts.set(key, (counts.get(key) ?? 0) + times);
}

/** Adds what one held answer contributes to a slide's counts. */
export function countAnswer(counts: Map<string, number>, answer: Answer): void {
  for (const key of answerKeys(answer.kind, answer)) addCount(counts, key, 1);
}

/** What a results message shows, per key. */
export function shownCounts(results: Results): Map<string, number> {
  const counts = new Map<string, number>();
  const keys = isAnswerResults(results) ? resultsKeys(results.kind, results) : storedKeys(results.kind, results);
  for (const [key, count] of keys) addCount(counts, key, count);
  return counts;
}

/** Whether two slides' counts agree; a key one side lacks counts as zero there. */
export function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  for (const [key, count] of a) if ((b.get(key) ?? 0) !== count) return false;
  for (const [key, count] of b) if ((a.get(key) ?? 0) !== count) return false;
  return true;
}

// The one place where an answer or results and its kind's keys are paired: generic in the kind, so no cast is needed.
function answerKeys<K extends AnswerKind>(kind: K, answer: AnswerOf<K>): string[] {
  return TALLY_KEYS[kind].ofAnswer(answer);
}
function resultsKeys<K extends AnswerKind>(kind: K, results: ResultsOf<K>): [string, number][] {
  return TALLY_KEYS[kind].ofResults(results);
}
function storedKeys<K extends StoredResultKind>(kind: K, results: ResultsOf<K>): [string, number][] {
  return STORED_KEYS[kind](results);
}
function isAnswerResults(results: Results): results is ResultsOf<AnswerKind> {
  return Object.hasOwn(TALLY_KEYS, results.kind);
}
