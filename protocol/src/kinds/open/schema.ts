import { z } from 'zod';
import { approveFirstField, questionBase, resultsBase } from '../base.js';
import { OPEN_LIMITS } from './rules.js';

export const openSlideSchema = z.strictObject({
  ...questionBase,
  kind: z.literal('open'),
  maxLength: z.number().int().min(1).max(OPEN_LIMITS.maxLength).default(280),
  ...approveFirstField,
});

export const openAnswerSchema = z.strictObject({
  kind: z.literal('open'),
  text: z.string().max(OPEN_LIMITS.maxLength * 8),
});

export const openResultsSchema = z.strictObject({
  kind: z.literal('open'),
  ...resultsBase,
  /** Newest first. Hidden entries are sent to hosts (so they can be shown again), never drawn on the big screen. */
  entries: z.array(z.strictObject({ id: z.string(), text: z.string(), hidden: z.boolean() })),
});

export type OpenSlide = z.infer<typeof openSlideSchema>;
export type OpenAnswer = z.infer<typeof openAnswerSchema>;
export type OpenResults = z.infer<typeof openResultsSchema>;
