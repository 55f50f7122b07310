import { z } from 'zod';
import { countSchema, labelledItemSchema, questionBase, resultsBase, uniqueIds } from '../base.js';
import { POINTS_LIMITS } from './rules.js';

export const pointsItemSchema = labelledItemSchema;

/** A budget of points ("100 points") a participant spreads over items as they see fit. */
export const pointsSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('points'),
    items: z.array(pointsItemSchema).min(POINTS_LIMITS.minItems).max(POINTS_LIMITS.maxItems),
    budget: z.number().int().min(POINTS_LIMITS.minBudget).max(POINTS_LIMITS.maxBudget).default(100),
  })
  .refine((slide) => uniqueIds(slide.items), { message: 'item ids must be unique', path: ['items'] });

export const pointsAllocationSchema = z.strictObject({
  itemId: z.string().max(64),
  points: z.number().int(),
});

/** Points per item; items left out get none. The sum may be below the budget but not above it. */
export const pointsAnswerSchema = z.strictObject({
  kind: z.literal('points'),
  allocations: z.array(pointsAllocationSchema).max(POINTS_LIMITS.maxItems),
});

export const pointsItemResultsSchema = z.strictObject({
  itemId: z.string(),
  /** Points given to the item by everyone. */
  total: countSchema,
  /** Mean points per respondent (those who gave it none count as 0); null without respondents. */
  mean: z.number().nullable(),
  /** People who gave the item any points. */
  n: countSchema,
});

export const pointsResultsSchema = z.strictObject({
  kind: z.literal('points'),
  ...resultsBase,
  /** One entry per item, in the slide's order. */
  items: z.array(pointsItemResultsSchema),
});

export type PointsSlide = z.infer<typeof pointsSlideSchema>;
export type PointsItem = z.infer<typeof pointsItemSchema>;
export type PointsAllocation = z.infer<typeof pointsAllocationSchema>;
export type PointsAnswer = z.infer<typeof pointsAnswerSchema>;
export type PointsItemResults = z.infer<typeof pointsItemResultsSchema>;
export type PointsResults = z.infer<typeof pointsResultsSchema>;
