// The topography heatmap: the mean rating per segment (rows) and scale statement (columns), with the k rule applied.
// The types move to the protocol when the topography kind is added.
import type { ChoiceSlide, Problem, ScaleResults, ScaleSlide, Slide } from '@ettor/protocol';
import { type StoredAnswer, tally } from '../responses/tally.js';
import { type ReportAnswer, currentAnswers } from './answers.js';
import { type SegmentDef, findSegmentingSlide, segmentParticipants, splitBySegment } from './segments.js';
import { suppress } from './suppression.js';

export interface TopographyCell {
  /** Ratings given, "vet ej" excluded; 0 when hidden. */
  n: number;
  /** Mean and population standard deviation of the ratings; null without ratings or when hidden. */
  mean: number | null;
  sd: number | null;
  /** Withheld: fewer than the threshold rated, or showing it would reveal a hidden cell by subtraction. */
  hidden: boolean;
}

export interface TopographyRow extends SegmentDef {
  /** Segment members who answered the scale question; 0 when hidden. */
  respondents: number;
  hidden: boolean;
  /** One per statement, in the scale's order. */
  cells: TopographyCell[];
}

export interface TopographyColumn {
  statementId: string;
  label: string;
  /** All segments together. */
  total: TopographyCell;
}

export interface Topography {
  /** The scale's statements, in its order. */
  columns: TopographyColumn[];
  /** The segmenting question's options in its order, "not given" last. */
  rows: TopographyRow[];
}

export interface TopographyInput {
  segmentBy: ChoiceSlide;
  scale: ScaleSlide;
  /** Current round only; those of both slides (others are harmless). */
  answers: readonly ReportAnswer[];
  threshold: number;
}

export type TopographySlides = { ok: true; segmentBy: ChoiceSlide; scale: ScaleSlide } | { ok: false; problem: Problem };

/** The two slides a topography is drawn from, or why it cannot be. */
export function findTopographySlides(slides: readonly Slide[], segmentBy: string, scaleSlideId: string): TopographySlides {
  const segmenting = findSegmentingSlide(slides, segmentBy);
  if (!segmenting.ok) return segmenting;
  const scale = slides.find((slide) => slide.id === scaleSlideId);
  if (scale === undefined) {
    return { ok: false, problem: { code: 'unknown_slide', message: 'The scale question of this topography is not in the presentation.' } };
  }
  if (scale.kind !== 'scale') {
    return { ok: false, problem: { code: 'validation_failed', message: 'The columns of a topography come from a scale question.' } };
  }
  return { ok: true, segmentBy: segmenting.slide, scale };
}

type Ratings = Pick<TopographyCell, 'n' | 'mean' | 'sd'>;

const NO_RATINGS: Ratings = { n: 0, mean: null, sd: null };

/** Each statement's ratings by statement id. */
function ratingsOf(scale: ScaleSlide, answers: readonly StoredAnswer[]): { respondents: number; ratings: ReadonlyMap<string, Ratings> } {
  // tally() answers in the slide's own kind.
  const results = tally(scale, answers) as ScaleResults;
  return {
    respondents: results.respondents,
    ratings: new Map(results.statements.map(({ statementId, n, mean, sd }) => [statementId, { n, mean, sd }])),
  };
}

const cell = (ratings: Ratings, hidden: boolean): TopographyCell => (hidden ? { ...NO_RATINGS, hidden } : { ...ratings, hidden });

export function buildTopography({ segmentBy, scale, answers, threshold }: TopographyInput): Topography {
  const current = currentAnswers(answers);
  const scaleAnswers = current.get(scale.id) ?? new Map<string, StoredAnswer>();
  const overall = ratingsOf(scale, [...scaleAnswers.values()]).ratings;
  const segments = splitBySegment(segmentParticipants(segmentBy, current), scaleAnswers).map(({ optionId, label, answers: rows }) => ({
    optionId,
    label,
    ...ratingsOf(scale, rows),
  }));
  // Per statement, the cells sit beside the statement's total, so they are suppressed as one breakdown of it.
  const columns = scale.statements.map(({ id, label }) => ({
    statementId: id,
    label,
    ...suppress(
      segments.map(({ ratings }) => (ratings.get(id) ?? NO_RATINGS).n),
      threshold,
    ),
  }));
  const rowsHidden = suppress(
    segments.map(({ respondents }) => respondents),
    threshold,
  ).hidden;
  return {
    columns: columns.map(({ statementId, label, totalHidden }) => ({
      statementId,
      label,
      total: cell(overall.get(statementId) ?? NO_RATINGS, totalHidden),
    })),
    rows: segments.map(({ optionId, label, respondents, ratings }, row) => {
      const hidden = rowsHidden[row] ?? true;
      return {
        optionId,
        label,
        respondents: hidden ? 0 : respondents,
        hidden,
        cells: columns.map((column) => cell(ratings.get(column.statementId) ?? NO_RATINGS, column.hidden[row] ?? true)),
      };
    }),
  };
}
