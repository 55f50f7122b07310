import { z } from 'zod';
import { LIMITS } from '../../limits.js';
import { assetIdSchema, slideBase, textSchema } from '../base.js';

export const quoteSchema = z.strictObject({
  text: textSchema(LIMITS.bodyLength).min(1),
  attribution: textSchema(LIMITS.sourceLength).default(''),
});

export const bigNumberSchema = z.strictObject({
  value: textSchema(20).min(1),
  caption: textSchema(LIMITS.headingLength).default(''),
});

export const imageSchema = z.strictObject({
  assetId: assetIdSchema,
  alt: textSchema(LIMITS.altLength).default(''),
});

/**
 * How a content slide fills the 16:9 canvas. `auto` picks from what the slide holds (a heading alone is a title,
 * a quote or big number alone is centred, an image beside text goes right); the others force one layout.
 */
export const CONTENT_LAYOUTS = ['auto', 'title', 'section', 'image-left', 'image-right', 'image-full', 'quote'] as const;
export const contentLayoutSchema = z.enum(CONTENT_LAYOUTS);
export type ContentLayout = z.infer<typeof contentLayoutSchema>;

/** A slide that informs: any mix of heading, text, bullets, quote, big number and image. */
export const contentSlideSchema = z.strictObject({
  ...slideBase,
  kind: z.literal('content'),
  layout: contentLayoutSchema.default('auto'),
  heading: textSchema(LIMITS.headingLength).default(''),
  body: textSchema(LIMITS.bodyLength).default(''),
  bullets: z.array(textSchema(LIMITS.bulletLength)).max(LIMITS.bullets).default([]),
  quote: quoteSchema.nullable().default(null),
  bigNumber: bigNumberSchema.nullable().default(null),
  image: imageSchema.nullable().default(null),
  source: textSchema(LIMITS.sourceLength).default(''),
});

export type ContentSlide = z.infer<typeof contentSlideSchema>;
