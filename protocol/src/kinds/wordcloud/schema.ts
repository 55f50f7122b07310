import { z } from 'zod';
import { approveFirstField, countSchema, questionBase, resultsBase } from '../base.js';
import { WORDCLOUD_LIMITS } from './rules.js';

export const wordCloudSlideSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('wordcloud'),
  maxEntries: z.number().int().min(1).max(WORDCLOUD_LIMITS.maxEntries).default(3),
  maxLength: z.number().int().min(1).max(WORDCLOUD_LIMITS.maxLength).default(25),
  ...approveFirstField,
});

export const wordCloudAnswerSchema = z.strictObject({
  kind: z.literal('wordcloud'),
  entries: z
    .array(z.string().max(WORDCLOUD_LIMITS.maxLength * 8))
    .min(1)
    .max(WORDCLOUD_LIMITS.maxEntries),
});

export const wordCloudResultsSchema = z.strictObject({
  kind: z.literal('wordcloud'),
  ...resultsBase,
  /** Merged entries, most frequent first; `text` is the most common spelling of the word. */
  words: z.array(
    z.strictObject({
      text: z.string(),
      count: countSchema,
      hidden: z.boolean(),
      /** The other forms counted as this word ("kompetensen", "kompetenser"), most common first, at most WORDCLOUD_LIMITS.shownForms. */
      forms: z.array(z.string()).max(WORDCLOUD_LIMITS.shownForms),
    }),
  ),
});

export type WordCloudSlide = z.infer<typeof wordCloudSlideSchema>;
export type WordCloudAnswer = z.infer<typeof wordCloudAnswerSchema>;
export type WordCloudResults = z.infer<typeof wordCloudResultsSchema>;
