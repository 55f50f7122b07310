import { z } from 'zod';
import { LIMITS } from '../limits.js';
import { isStorableText } from '../text.js';

const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
export const slideIdSchema = idSchema;
export const optionIdSchema = idSchema;
export const assetIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not an asset id');

/** A person's text, limited in length and storable as typed. */
export const textSchema = (max: number) => z.string().max(max).refine(isStorableText, 'contains a NUL or a broken character');

/** A count of people or answers in results. */
export const countSchema = z.number().int().nonnegative();

/** Fields every slide has, whatever its kind. */
export const slideBase = {
  id: slideIdSchema,
  notes: textSchema(LIMITS.notesLength).default(''),
};

/** When a question's results appear: live as answers come in, or once the presenter reveals them. */
export const REVEAL_MODES = ['live', 'on-reveal'] as const;
export const revealModeSchema = z.enum(REVEAL_MODES);
export type RevealMode = z.infer<typeof revealModeSchema>;

/** Fields every question slide has. */
export const questionBase = {
  ...slideBase,
  question: textSchema(LIMITS.questionLength),
  /** Whether a participant may replace an answer while voting is open. */
  allowChange: z.boolean().default(true),
  /** When its results appear; left out, the deck's `revealResults` decides. */
  reveal: revealModeSchema.optional(),
};

/** The setting of a kind whose free text phones send: it reaches the big screen only once the presenter approves it. */
export const approveFirstField = { approveFirst: z.boolean().default(false) };

/** Fields every kind's results have. */
export const resultsBase = {
  slideId: slideIdSchema,
  /** People whose answer counts, whatever they chose. */
  respondents: countSchema,
};

/** A labelled item of a slide (an option, a statement) whose id answers refer to. */
export const labelledItemSchema = z.strictObject({
  id: optionIdSchema,
  label: textSchema(LIMITS.optionLabelLength),
});

/** Ids of a slide's items must be unique, or answers could not say which one they mean. */
export const uniqueIds = (items: readonly { id: string }[]): boolean => new Set(items.map((item) => item.id)).size === items.length;
