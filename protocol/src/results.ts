import { z } from 'zod';
import { slideIdSchema } from './slides.js';

const count = z.number().int().nonnegative();

export const choiceResultsSchema = z.strictObject({
  kind: z.literal('choice'),
  slideId: slideIdSchema,
  respondents: count,
  /** One entry per option, in the slide's option order, zero counts included. */
  counts: z.array(z.strictObject({ optionId: z.string(), count })),
});

export const wordCloudResultsSchema = z.strictObject({
  kind: z.literal('wordcloud'),
  slideId: slideIdSchema,
  respondents: count,
  /** Merged entries, most frequent first; `text` is the most common spelling of the word. */
  words: z.array(z.strictObject({ text: z.string(), count, hidden: z.boolean() })),
});

export const openResultsSchema = z.strictObject({
  kind: z.literal('open'),
  slideId: slideIdSchema,
  respondents: count,
  /** Newest first. Hidden entries are sent to hosts (so they can be shown again), never drawn on the big screen. */
  entries: z.array(z.strictObject({ id: z.string(), text: z.string(), hidden: z.boolean() })),
});

export const resultsSchema = z.discriminatedUnion('kind', [
  choiceResultsSchema,
  wordCloudResultsSchema,
  openResultsSchema,
]);
export type Results = z.infer<typeof resultsSchema>;
export type ChoiceResults = z.infer<typeof choiceResultsSchema>;
export type WordCloudResults = z.infer<typeof wordCloudResultsSchema>;
export type OpenResults = z.infer<typeof openResultsSchema>;
