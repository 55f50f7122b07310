// The unions of every kind's schemas: the one list of slide kinds, from which SlideKind and the registries follow.
import { z } from 'zod';
import { SLIDE_KINDS } from './kinds/registry.js';
import { choiceAnswerSchema, choiceResultsSchema, choiceSlideSchema } from './kinds/choice/schema.js';
import { contentSlideSchema } from './kinds/content/schema.js';
import { openAnswerSchema, openResultsSchema, openSlideSchema } from './kinds/open/schema.js';
import { scaleAnswerSchema, scaleResultsSchema, scaleSlideSchema } from './kinds/scale/schema.js';
import { topographyResultsSchema, topographySlideSchema } from './kinds/topography/schema.js';
import { wordCloudAnswerSchema, wordCloudResultsSchema, wordCloudSlideSchema } from './kinds/wordcloud/schema.js';
import { rankingAnswerSchema, rankingResultsSchema, rankingSlideSchema } from './kinds/ranking/schema.js';
import { pointsAnswerSchema, pointsResultsSchema, pointsSlideSchema } from './kinds/points/schema.js';
import { gridAnswerSchema, gridResultsSchema, gridSlideSchema } from './kinds/grid/schema.js';
import { pinAnswerSchema, pinResultsSchema, pinSlideSchema } from './kinds/pin/schema.js';
import { qaResultsSchema, qaSlideSchema } from './kinds/qa/schema.js';
import { quizAnswerSchema, quizResultsSchema, quizSlideSchema } from './kinds/quiz/schema.js';
import { leaderboardResultsSchema, leaderboardSlideSchema } from './kinds/leaderboard/schema.js';

export * from './kinds/base.js';
export * from './kinds/content/schema.js';
export * from './kinds/choice/schema.js';
export * from './kinds/wordcloud/schema.js';
export * from './kinds/open/schema.js';
export * from './kinds/scale/schema.js';
export * from './kinds/topography/schema.js';
export * from './kinds/ranking/schema.js';
export * from './kinds/points/schema.js';
export * from './kinds/grid/schema.js';
export * from './kinds/pin/schema.js';
export * from './kinds/qa/schema.js';
export * from './kinds/quiz/schema.js';
export * from './kinds/leaderboard/schema.js';

/** Every slide kind, in the order the editor offers them. */
export const slideSchema = z.discriminatedUnion('kind', [
  contentSlideSchema,
  choiceSlideSchema,
  wordCloudSlideSchema,
  openSlideSchema,
  scaleSlideSchema,
  rankingSlideSchema,
  pointsSlideSchema,
  gridSlideSchema,
  pinSlideSchema,
  quizSlideSchema,
  leaderboardSlideSchema,
  qaSlideSchema,
  topographySlideSchema,
]);

/** What a participant sends for a question slide. Shape only; `checkAnswer` applies the slide's rules. */
export const answerSchema = z.discriminatedUnion('kind', [
  choiceAnswerSchema,
  wordCloudAnswerSchema,
  openAnswerSchema,
  scaleAnswerSchema,
  rankingAnswerSchema,
  pointsAnswerSchema,
  gridAnswerSchema,
  pinAnswerSchema,
  quizAnswerSchema,
]);

export const resultsSchema = z.discriminatedUnion('kind', [
  choiceResultsSchema,
  wordCloudResultsSchema,
  openResultsSchema,
  scaleResultsSchema,
  rankingResultsSchema,
  pointsResultsSchema,
  gridResultsSchema,
  pinResultsSchema,
  quizResultsSchema,
  leaderboardResultsSchema,
  qaResultsSchema,
  topographyResultsSchema,
]);

export const slideKindSchema = z.enum(SLIDE_KINDS);

export type Slide = z.infer<typeof slideSchema>;
/** A slide as written by a person or a file: defaults not yet applied. */
export type SlideInput = z.input<typeof slideSchema>;
export type SlideKind = Slide['kind'];
export type Answer = z.infer<typeof answerSchema>;
/** The kinds that take answers. */
export type AnswerKind = Answer['kind'];
export type Results = z.infer<typeof resultsSchema>;
/** The kinds that have results: every question, and kinds drawn from other slides' answers. */
export type ResultKind = Results['kind'];
/** Kinds whose results are what the audience asks and upvotes, not answers: a Q&A. */
export type QaKind = 'qa';
/** Kinds whose results are drawn from other slides' answers, taking none of their own. */
export type DerivedKind = Exclude<ResultKind, AnswerKind | QaKind>;

export type SlideOf<K extends SlideKind> = Extract<Slide, { kind: K }>;
export type SlideInputOf<K extends SlideKind> = Extract<SlideInput, { kind: K }>;
export type AnswerOf<K extends AnswerKind> = Extract<Answer, { kind: K }>;
export type ResultsOf<K extends ResultKind> = Extract<Results, { kind: K }>;
/** A slide that takes answers. */
export type QuestionSlide = SlideOf<AnswerKind>;
/** A slide that has results. */
export type ResultSlide = SlideOf<ResultKind>;

// Compile-time guards: a kind with answers but no results, results or an answer for no slide, does not build.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const answersHaveResults: Same<Extract<ResultKind, AnswerKind>, AnswerKind> = true;
const answersHaveSlides: Same<Extract<SlideKind, AnswerKind>, AnswerKind> = true;
const resultsHaveSlides: Same<Extract<SlideKind, ResultKind>, ResultKind> = true;
void answersHaveResults;
void answersHaveSlides;
void resultsHaveSlides;
