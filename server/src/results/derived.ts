// Results of the kinds drawn from other slides' answers, one builder per kind: a kind missing here does not compile.
import type { DerivedKind, ResultsOf, Slide, SlideOf } from '@ettor/protocol';
import type { ReportAnswer } from './answers.js';
import { buildTopography } from './topography.js';

export interface DerivedInput<K extends DerivedKind> {
  slide: SlideOf<K>;
  deck: readonly Slide[];
  /** The session's answers in each slide's current round; a builder takes those of the slides it draws on. */
  answers: readonly ReportAnswer[];
  /** k, already validated. */
  threshold: number;
}

const DERIVED_RESULTS: { readonly [K in DerivedKind]: (input: DerivedInput<K>) => ResultsOf<K> } = {
  topography: buildTopography,
};

/** The results of a slide drawn from other slides' answers, with the anonymity threshold applied. Pure. */
export function derivedResults(input: DerivedInput<DerivedKind>): ResultsOf<DerivedKind> {
  return DERIVED_RESULTS[input.slide.kind](input);
}
