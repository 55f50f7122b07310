import { z } from 'zod';
import { countSchema, labelledItemSchema, questionBase, resultsBase, textSchema, uniqueIds } from '../base.js';
import { GRID_LIMITS } from './rules.js';

export const gridItemSchema = labelledItemSchema;

/** One of the grid's two scales: what it measures and what its two ends mean. */
export const gridAxisSchema = z.strictObject({
  label: textSchema(GRID_LIMITS.axisLabelLength).default(''),
  minLabel: textSchema(GRID_LIMITS.axisLabelLength).default(''),
  maxLabel: textSchema(GRID_LIMITS.axisLabelLength).default(''),
});

/** A 2×2 grid: each item placed on two scales from 0 to `max`, x across and y up. */
export const gridSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('grid'),
    items: z.array(gridItemSchema).min(GRID_LIMITS.minItems).max(GRID_LIMITS.maxItems),
    x: gridAxisSchema.default({ label: '', minLabel: '', maxLabel: '' }),
    y: gridAxisSchema.default({ label: '', minLabel: '', maxLabel: '' }),
    max: z.number().int().min(GRID_LIMITS.minMax).max(GRID_LIMITS.maxMax).default(10),
  })
  .refine((slide) => uniqueIds(slide.items), { message: 'item ids must be unique', path: ['items'] });

export const gridPlacementSchema = z.strictObject({
  itemId: z.string().max(64),
  x: z.number().int(),
  y: z.number().int(),
});

/** Items left out are simply not placed; at least one must be. */
export const gridAnswerSchema = z.strictObject({
  kind: z.literal('grid'),
  placements: z.array(gridPlacementSchema).max(GRID_LIMITS.maxItems),
});

export const gridItemResultsSchema = z.strictObject({
  itemId: z.string(),
  /** People who placed the item. */
  n: countSchema,
  /** Mean and population standard deviation on each scale; null when no one placed it. */
  meanX: z.number().nullable(),
  meanY: z.number().nullable(),
  sdX: z.number().nullable(),
  sdY: z.number().nullable(),
  /** Withheld under the anonymity threshold (placed by fewer than k): n 0 and means null. */
  hidden: z.boolean(),
});

export const gridResultsSchema = z.strictObject({
  kind: z.literal('grid'),
  ...resultsBase,
  /** One entry per item, in the slide's order. */
  items: z.array(gridItemResultsSchema),
});

export type GridSlide = z.infer<typeof gridSlideSchema>;
export type GridItem = z.infer<typeof gridItemSchema>;
export type GridAxis = z.infer<typeof gridAxisSchema>;
export type GridPlacement = z.infer<typeof gridPlacementSchema>;
export type GridAnswer = z.infer<typeof gridAnswerSchema>;
export type GridItemResults = z.infer<typeof gridItemResultsSchema>;
export type GridResults = z.infer<typeof gridResultsSchema>;
