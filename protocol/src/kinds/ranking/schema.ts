import { z } from 'zod';
import { countSchema, labelledItemSchema, questionBase, resultsBase, uniqueIds } from '../base.js';
import { RANKING_LIMITS } from './rules.js';

export const rankingItemSchema = labelledItemSchema;

/** Items a participant puts in order, most important first. */
export const rankingSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('ranking'),
    items: z.array(rankingItemSchema).min(RANKING_LIMITS.minItems).max(RANKING_LIMITS.maxItems),
  })
  .refine((slide) => uniqueIds(slide.items), { message: 'item ids must be unique', path: ['items'] });

/** Every item of the slide once, first place first. */
export const rankingAnswerSchema = z.strictObject({
  kind: z.literal('ranking'),
  order: z.array(z.string().max(64)).max(RANKING_LIMITS.maxItems),
});

export const rankingItemResultsSchema = z.strictObject({
  itemId: z.string(),
  /** People who put the item in each place: index 0 is first place, one entry per item of the slide. */
  places: z.array(countSchema),
  /** People who ranked the item. */
  n: countSchema,
  /** Mean place, 1 = first; null when no one ranked it. */
  meanRank: z.number().nullable(),
  /** Points as a Borda count: an item gets (items − place) from each person, so first of five earns 4 and last 0. */
  points: countSchema,
});

export const rankingResultsSchema = z.strictObject({
  kind: z.literal('ranking'),
  ...resultsBase,
  /** One entry per item, in the slide's order (the views sort by mean place). */
  items: z.array(rankingItemResultsSchema),
});

export type RankingSlide = z.infer<typeof rankingSlideSchema>;
export type RankingItem = z.infer<typeof rankingItemSchema>;
export type RankingAnswer = z.infer<typeof rankingAnswerSchema>;
export type RankingItemResults = z.infer<typeof rankingItemResultsSchema>;
export type RankingResults = z.infer<typeof rankingResultsSchema>;
