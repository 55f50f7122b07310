import { z } from 'zod';
import { LIMITS } from './limits.js';

export const choiceAnswerSchema = z.strictObject({
  kind: z.literal('choice'),
  optionIds: z.array(z.string().max(64)).min(1).max(LIMITS.maxOptions),
});

export const wordCloudAnswerSchema = z.strictObject({
  kind: z.literal('wordcloud'),
  entries: z.array(z.string().max(LIMITS.maxWordLength * 8)).min(1).max(LIMITS.maxWordEntries),
});

export const openAnswerSchema = z.strictObject({
  kind: z.literal('open'),
  text: z.string().max(LIMITS.maxOpenLength * 8),
});

/** What a participant sends for a question slide. Shape only; `checkAnswer` applies the slide's rules. */
export const answerSchema = z.discriminatedUnion('kind', [
  choiceAnswerSchema,
  wordCloudAnswerSchema,
  openAnswerSchema,
]);
export type Answer = z.infer<typeof answerSchema>;
export type ChoiceAnswer = z.infer<typeof choiceAnswerSchema>;
export type WordCloudAnswer = z.infer<typeof wordCloudAnswerSchema>;
export type OpenAnswer = z.infer<typeof openAnswerSchema>;
