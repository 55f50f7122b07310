import { z } from 'zod';
import { LIMITS } from '../../limits.js';
import { countSchema, optionIdSchema, questionBase, resultsBase, textSchema, uniqueIds } from '../base.js';
import { imageSchema } from '../content/schema.js';
import { PIN_LIMITS } from './rules.js';

/** A share of the image's width or height, 0 at the left or top edge and 1 at the right or bottom. */
const fractionSchema = z.number().min(0).max(1);

/** A named part of the image, for those who choose from a list instead of pointing; its pin lands in its centre. */
export const pinRegionSchema = z.strictObject({
  id: optionIdSchema,
  label: textSchema(LIMITS.optionLabelLength),
  x: fractionSchema,
  y: fractionSchema,
  width: fractionSchema,
  height: fractionSchema,
});

/** Participants mark one point on an image. */
export const pinSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('pin'),
    image: imageSchema.nullable().default(null),
    regions: z.array(pinRegionSchema).max(PIN_LIMITS.maxRegions).default([]),
  })
  .refine((slide) => uniqueIds(slide.regions), { message: 'region ids must be unique', path: ['regions'] });

/** A point on the image, as shares of its width and height. */
export const pinAnswerSchema = z.strictObject({
  kind: z.literal('pin'),
  x: z.number(),
  y: z.number(),
});

export const pinResultsSchema = z.strictObject({
  kind: z.literal('pin'),
  ...resultsBase,
  /** The heat layer: pins per cell of a grid of PIN_LIMITS.cells × PIN_LIMITS.cells over the image, non-empty cells only. */
  cells: z.array(z.strictObject({ column: countSchema, row: countSchema, count: countSchema })),
  /** Pins inside each named region, in the slide's order; a pin may fall in two regions that overlap. */
  regions: z.array(z.strictObject({ regionId: z.string(), count: countSchema })),
  /** Pins in no named region (every pin when the slide has none). */
  outside: countSchema,
});

export type PinSlide = z.infer<typeof pinSlideSchema>;
export type PinRegion = z.infer<typeof pinRegionSchema>;
export type PinAnswer = z.infer<typeof pinAnswerSchema>;
export type PinResults = z.infer<typeof pinResultsSchema>;
