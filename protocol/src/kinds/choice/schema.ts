import { z } from 'zod';
import { countSchema, labelledItemSchema, questionBase, resultsBase, uniqueIds } from '../base.js';
import { CHOICE_LIMITS } from './rules.js';

export const choiceOptionSchema = labelledItemSchema;

export const choiceSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('choice'),
    options: z.array(choiceOptionSchema).min(CHOICE_LIMITS.minOptions).max(CHOICE_LIMITS.maxOptions),
    allowMultiple: z.boolean().default(false),
    showResultsOnPhones: z.boolean().default(false),
  })
  .refine((slide) => uniqueIds(slide.options), { message: 'option ids must be unique', path: ['options'] });

export const choiceAnswerSchema = z.strictObject({
  kind: z.literal('choice'),
  optionIds: z.array(z.string().max(64)).max(CHOICE_LIMITS.maxOptions),
});

export const choiceResultsSchema = z.strictObject({
  kind: z.literal('choice'),
  ...resultsBase,
  /** One entry per option, in the slide's option order, zero counts included. */
  counts: z.array(z.strictObject({ optionId: z.string(), count: countSchema })),
});

export type ChoiceSlide = z.infer<typeof choiceSlideSchema>;
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;
export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>;
export type ChoiceResults = z.infer<typeof choiceResultsSchema>;
