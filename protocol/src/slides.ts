import { z } from 'zod';
import { LIMITS, SLIDE_KINDS } from './limits.js';
import { isStorableText } from './text.js';

const idSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
export const slideIdSchema = idSchema;
export const optionIdSchema = idSchema;
export const assetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an asset id');

/** A person's text, limited in length and storable as typed. */
export const textSchema = (max: number) =>
  z.string().max(max).refine(isStorableText, 'contains a NUL or a broken character');


/** Fields every slide has, whatever its kind. */
const slideBase = {
  id: slideIdSchema,
  notes: textSchema(LIMITS.notesLength).default(''),
};

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

/** A slide that informs: any mix of heading, text, bullets, quote, big number and image. */
export const contentSlideSchema = z.strictObject({
  ...slideBase,
  kind: z.literal('content'),
  heading: textSchema(LIMITS.headingLength).default(''),
  body: textSchema(LIMITS.bodyLength).default(''),
  bullets: z.array(textSchema(LIMITS.bulletLength)).max(LIMITS.bullets).default([]),
  quote: quoteSchema.nullable().default(null),
  bigNumber: bigNumberSchema.nullable().default(null),
  image: imageSchema.nullable().default(null),
  source: textSchema(LIMITS.sourceLength).default(''),
});

/** Fields every question slide has. */
const questionBase = {
  ...slideBase,
  question: textSchema(LIMITS.questionLength),
  /** Whether a participant may replace an answer while voting is open. */
  allowChange: z.boolean().default(true),
};

export const choiceOptionSchema = z.strictObject({
  id: optionIdSchema,
  label: textSchema(LIMITS.optionLabelLength),
});

export const choiceSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('choice'),
    options: z.array(choiceOptionSchema).min(LIMITS.minOptions).max(LIMITS.maxOptions),
    allowMultiple: z.boolean().default(false),
    showResultsOnPhones: z.boolean().default(false),
  })
  .refine((slide) => new Set(slide.options.map((o) => o.id)).size === slide.options.length, {
    message: 'option ids must be unique',
    path: ['options'],
  });

export const wordCloudSlideSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('wordcloud'),
  maxEntries: z.number().int().min(1).max(LIMITS.maxWordEntries).default(3),
  maxLength: z.number().int().min(1).max(LIMITS.maxWordLength).default(25),
});

export const openSlideSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('open'),
  maxLength: z.number().int().min(1).max(LIMITS.maxOpenLength).default(280),
});

export const slideSchema = z.discriminatedUnion('kind', [
  contentSlideSchema,
  choiceSlideSchema,
  wordCloudSlideSchema,
  openSlideSchema,
]);

export const slideKindSchema = z.enum(SLIDE_KINDS);
export type SlideKind = z.infer<typeof slideKindSchema>;

export type Slide = z.infer<typeof slideSchema>;
/** A slide as written by a person or a file: defaults not yet applied. */
export type SlideInput = z.input<typeof slideSchema>;
export type ContentSlide = z.infer<typeof contentSlideSchema>;
export type ChoiceSlide = z.infer<typeof choiceSlideSchema>;
export type WordCloudSlide = z.infer<typeof wordCloudSlideSchema>;
export type OpenSlide = z.infer<typeof openSlideSchema>;
export type QuestionSlide = ChoiceSlide | WordCloudSlide | OpenSlide;
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
