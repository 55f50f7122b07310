// The topography heatmap: the mean rating per segment (rows) and scale statement (columns), with the k rule applied.
import {
  type ChoiceSlide,
  type ScaleResults,
  type ScaleSlide,
  type Slide,
  type TopographyCell,
  type TopographyResults,
  type TopographySlide,
  topographySources,
} from '@ettor/protocol';
import { type StoredAnswer, tally } from '../responses/tally.js';
import { type ReportAnswer, currentAnswers } from './answers.js';
import { segmentParticipants, splitBySegment } from './segments.js';
import { suppress } from './suppression.js';

export interface TopographyInput {
  slide: TopographySlide;
  /** The deck the slide is in, where its two questions are. */
  deck: readonly Slide[];
  /** Current round only; those of both questions (others are harmless). */
  answers: readonly ReportAnswer[];
  threshold: number;
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

/** The map of a topography slide from the current answers of its deck's two questions. Pure. */
export function buildTopography({ slide, deck, answers, threshold }: TopographyInput): TopographyResults {
  const sources = topographySources(slide, deck);
  const base = { kind: 'topography', slideId: slide.id, threshold } as const;
  if (!sources.ok) {
    const nothing = { steps: 0, minLabel: '', maxLabel: '' };
    return {
      ...base,
      unavailable: sources.reason,
      respondents: 0,
      segmentQuestion: '',
      scaleQuestion: '',
      scale: nothing,
      columns: [],
      rows: [],
    };
  }
  return { ...base, unavailable: null, ...map(sources.segmentBy, sources.scale, answers, threshold) };
}

function map(
  segmentBy: ChoiceSlide,
  scale: ScaleSlide,
  answers: readonly ReportAnswer[],
  threshold: number,
): Omit<TopographyResults, 'kind' | 'slideId' | 'unavailable' | 'threshold'> {
  const current = currentAnswers(answers);
  const scaleAnswers = current.get(scale.id) ?? new Map<string, StoredAnswer>();
  const everyone = ratingsOf(scale, [...scaleAnswers.values()]);
  const overall = everyone.ratings;
  const segments = splitBySegment(segmentParticipants(segmentBy, current), scaleAnswers).map(({ optionId, label, answers: rows }) => ({
    optionId,
    label,
    ...ratingsOf(scale, rows),
  }));
  const rowsHidden = suppress(
    segments.map(({ respondents }) => respondents),
    threshold,
  ).hidden;
  // Per statement, the cells sit beside the statement's total, so they are suppressed as one breakdown of it; a
  // withheld row's cells are withheld from the start, the total minus the shown cells holding them too.
  const columns = scale.statements.map(({ id, label }) => ({
    statementId: id,
    label,
    ...suppress(
      segments.map(({ ratings }) => (ratings.get(id) ?? NO_RATINGS).n),
      threshold,
      rowsHidden,
    ),
  }));
  return {
    respondents: everyone.respondents,
    segmentQuestion: segmentBy.question,
    scaleQuestion: scale.question,
    scale: { steps: scale.steps, minLabel: scale.minLabel, maxLabel: scale.maxLabel },
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
