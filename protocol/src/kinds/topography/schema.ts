import { z } from 'zod';
import { LIMITS } from '../../limits.js';
import { countSchema, optionIdSchema, resultsBase, slideBase, slideIdSchema, textSchema } from '../base.js';
import { TOPOGRAPHY_UNAVAILABLE } from './rules.js';

/**
 * A competence map drawn from two other slides' answers: the rows are the options of a single-choice question (a
 * role), the columns the statements of a scale question. It takes no answers of its own.
 */
export const topographySlideSchema = z.strictObject({
  ...slideBase,
  kind: z.literal('topography'),
  /** The heading over the map, e.g. "Kompetenstopografi". */
  heading: textSchema(LIMITS.headingLength).default(''),
  /** The single-choice question whose options are the rows; null until the presenter picks one. */
  segmentBy: slideIdSchema.nullable().default(null),
  /** The scale question whose statements are the columns; null until the presenter picks one. */
  scaleSlideId: slideIdSchema.nullable().default(null),
});

/** One segment × statement of the map. */
export const topographyCellSchema = z.strictObject({
  /** Ratings given, "don't know" excluded; 0 when hidden. */
  n: countSchema,
  /** Mean and population standard deviation of the ratings; null without ratings or when hidden. */
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** Withheld: fewer than the threshold rated, or showing it would reveal a hidden cell by subtraction. */
  hidden: z.boolean(),
});

export const topographyColumnSchema = z.strictObject({
  statementId: optionIdSchema,
  label: z.string(),
  /** Everyone's ratings of the statement. */
  total: topographyCellSchema,
});

export const topographyRowSchema = z.strictObject({
  /** The option chosen, or null for those who did not answer the segmenting question ("ej angivet"). */
  optionId: optionIdSchema.nullable(),
  label: z.string(),
  /** Segment members who answered the scale question; 0 when hidden. */
  respondents: countSchema,
  hidden: z.boolean(),
  /** One per column, in the columns' order. */
  cells: z.array(topographyCellSchema),
});

export const topographyResultsSchema = z.strictObject({
  kind: z.literal('topography'),
  ...resultsBase,
  /** Why no map can be drawn (the slides it is drawn from are not chosen or not usable); null when it can. */
  unavailable: z.enum(TOPOGRAPHY_UNAVAILABLE).nullable(),
  /** k: cells of fewer participants are hidden. */
  threshold: countSchema,
  /** The two questions the map is drawn from, as their slides ask them. */
  segmentQuestion: z.string(),
  scaleQuestion: z.string(),
  /** The scale's steps and the words for its ends, for the legend. */
  scale: z.strictObject({ steps: countSchema, minLabel: z.string(), maxLabel: z.string() }),
  /** The scale's statements, in its order. */
  columns: z.array(topographyColumnSchema),
  /** The segmenting question's options in its order, "not given" last. */
  rows: z.array(topographyRowSchema),
});

export type TopographySlide = z.infer<typeof topographySlideSchema>;
export type TopographyCell = z.infer<typeof topographyCellSchema>;
export type TopographyColumn = z.infer<typeof topographyColumnSchema>;
export type TopographyRow = z.infer<typeof topographyRowSchema>;
export type TopographyResults = z.infer<typeof topographyResultsSchema>;
