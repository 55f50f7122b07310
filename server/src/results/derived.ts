// Results of the kinds not counted from their own answers, one builder per kind: a kind missing here does not compile.
import type { AnswerKind, ResultKind, ResultsOf, Slide, SlideOf } from '@ettor/protocol';
import type { ReportAnswer } from './answers.js';
import { type StoredQuestion, buildQa } from './qa.js';
import { buildTopography } from './topography.js';

/** Kinds with results but no answers of their own: drawn from other slides' answers (a topography), or a Q&A's questions. */
export type StoredResultKind = Exclude<ResultKind, AnswerKind>;

export interface DerivedInput<K extends StoredResultKind> {
  slide: SlideOf<K>;
  deck: readonly Slide[];
  /** The session's answers in each slide's current round; a builder takes those of the slides it draws on. */
  answers: readonly ReportAnswer[];
  /** k, already validated. */
  threshold: number;
  /** The session's Q&A questions; a Q&A takes its own. */
  questions: readonly StoredQuestion[];
  /** For screens during the talk: a Q&A then lists only as many questions as a screen can use; a report lists all. */
  live: boolean;
}

const DERIVED_RESULTS: { readonly [K in StoredResultKind]: (input: DerivedInput<K>) => ResultsOf<K> } = {
  topography: buildTopography,
  qa: buildQa,
};

/** The results of a slide without answers of its own, with the anonymity threshold applied where it applies. Pure. */
export function derivedResults(input: DerivedInput<StoredResultKind>): ResultsOf<StoredResultKind> {
  // The registry pairs each kind with its builder, which TypeScript cannot follow through the union.
  const build = DERIVED_RESULTS[input.slide.kind] as (input: DerivedInput<StoredResultKind>) => ResultsOf<StoredResultKind>;
  return build(input);
}
