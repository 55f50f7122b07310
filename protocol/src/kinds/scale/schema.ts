import { z } from 'zod';
import { countSchema, labelledItemSchema, questionBase, resultsBase, textSchema, uniqueIds } from '../base.js';
import { SCALE_LIMITS } from './rules.js';

export const scaleStatementSchema = labelledItemSchema;

/** Statements rated on one scale of 1..steps, with words for its two ends and an optional "don't know". */
export const scaleSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('scale'),
    statements: z.array(scaleStatementSchema).min(SCALE_LIMITS.minStatements).max(SCALE_LIMITS.maxStatements),
    steps: z.number().int().min(SCALE_LIMITS.minSteps).max(SCALE_LIMITS.maxSteps).default(5),
    /** What the lowest step means, e.g. "Instämmer inte alls"; empty shows the number alone. */
    minLabel: textSchema(SCALE_LIMITS.endLabelLength).default(''),
    maxLabel: textSchema(SCALE_LIMITS.endLabelLength).default(''),
    /** Whether a statement may be answered "don't know", which counts the person but not in the mean. */
    allowSkip: z.boolean().default(false),
  })
  .refine((slide) => uniqueIds(slide.statements), { message: 'statement ids must be unique', path: ['statements'] });

/** A rating of one statement: a step 1..steps, or null for "don't know". */
export const scaleRatingSchema = z.strictObject({
  statementId: z.string().max(64),
  value: z.number().int().nullable(),
});

/** Statements left out are simply not rated; at least one must be. */
export const scaleAnswerSchema = z.strictObject({
  kind: z.literal('scale'),
  ratings: z.array(scaleRatingSchema).max(SCALE_LIMITS.maxStatements),
});

export const scaleStatementResultsSchema = z.strictObject({
  statementId: z.string(),
  /** People per step: index 0 is step 1, one entry per step of the slide. */
  counts: z.array(countSchema),
  /** People who answered "don't know". */
  skipped: countSchema,
  /** Ratings given, "don't know" excluded. */
  n: countSchema,
  /** Mean and population standard deviation of the ratings; null without ratings. */
  mean: z.number().nullable(),
  sd: z.number().nullable(),
  /** Withheld under the anonymity threshold (rated by fewer than k, or giving a withheld group away): counts 0, mean null. */
  hidden: z.boolean(),
});

export const scaleResultsSchema = z.strictObject({
  kind: z.literal('scale'),
  ...resultsBase,
  /** One entry per statement, in the slide's order. */
  statements: z.array(scaleStatementResultsSchema),
});

export type ScaleSlide = z.infer<typeof scaleSlideSchema>;
export type ScaleStatement = z.infer<typeof scaleStatementSchema>;
export type ScaleRating = z.infer<typeof scaleRatingSchema>;
export type ScaleAnswer = z.infer<typeof scaleAnswerSchema>;
export type ScaleStatementResults = z.infer<typeof scaleStatementResultsSchema>;
export type ScaleResults = z.infer<typeof scaleResultsSchema>;
