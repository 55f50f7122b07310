// The export of every kind with results. A kind missing here does not compile.
import type { AnswerKind, QuestionSlide, ResultKind, ResultSlide } from '@ettor/protocol';
import { choiceExport } from './choice.js';
import type { KindExport, ResultExport } from './kind.js';
import { openExport } from './open.js';
import { rankingExport } from './ranking.js';
import { pointsExport } from './points.js';
import { gridExport } from './grid.js';
import { leaderboardExport } from './leaderboard.js';
import { pinExport } from './pin.js';
import { qaExport } from './qa.js';
import { quizExport } from './quiz.js';
import { scaleExport } from './scale.js';
import { topographyExport } from './topography.js';
import { wordCloudExport } from './wordcloud.js';

const KIND_EXPORTS: { readonly [K in ResultKind]: K extends AnswerKind ? KindExport<K> : ResultExport<K> } = {
  choice: choiceExport,
  wordcloud: wordCloudExport,
  open: openExport,
  scale: scaleExport,
  ranking: rankingExport,
  points: pointsExport,
  grid: gridExport,
  pin: pinExport,
  qa: qaExport,
  quiz: quizExport,
  leaderboard: leaderboardExport,
  topography: topographyExport,
};

/** The export of a slide's own kind; the one place where a slide and its kind's export are paired. */
export function exportOf(slide: ResultSlide): ResultExport<ResultKind> {
  return KIND_EXPORTS[slide.kind] as unknown as ResultExport<ResultKind>;
}

/** The export of a question's own kind, which also lists its answers. */
export function answerExportOf(slide: QuestionSlide): KindExport<AnswerKind> {
  return KIND_EXPORTS[slide.kind] as unknown as KindExport<AnswerKind>;
}
