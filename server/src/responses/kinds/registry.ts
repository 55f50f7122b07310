// The tally of every answer kind. A kind missing here does not compile.
import type { Answer, AnswerKind } from '@ettor/protocol';
import { choiceTally } from './choice.js';
import type { KindTally } from './kind.js';
import { openTally } from './open.js';
import { rankingTally } from './ranking.js';
import { pointsTally } from './points.js';
import { gridTally } from './grid.js';
import { pinTally } from './pin.js';
import { quizTally } from './quiz.js';
import { scaleTally } from './scale.js';
import { wordCloudTally } from './wordcloud.js';

/** Each kind's counts and contributions are its own; only values a kind made itself are ever handed back to it. */
export const KIND_TALLIES: { readonly [K in AnswerKind]: KindTally<K, unknown, unknown> } = {
  choice: choiceTally,
  wordcloud: wordCloudTally,
  open: openTally,
  scale: scaleTally,
  ranking: rankingTally,
  points: pointsTally,
  grid: gridTally,
  pin: pinTally,
  quiz: quizTally,
};

/** The tally of a kind; the one place where a kind and its tally are paired. */
export function tallyOf(kind: AnswerKind): KindTally<AnswerKind, unknown, unknown> {
  return KIND_TALLIES[kind] as KindTally<AnswerKind, unknown, unknown>;
}

/** The text an answer shows as a whole, which the offensive-word filter judges as a whole; null for most kinds. */
export function shownTextOf(answer: Answer): string | null {
  return tallyOf(answer.kind).shownText(answer);
}
