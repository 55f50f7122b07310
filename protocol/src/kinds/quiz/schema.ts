import { z } from 'zod';
import { countSchema, labelledItemSchema, optionIdSchema, questionBase, resultsBase, uniqueIds } from '../base.js';
import { QUIZ_LIMITS } from './rules.js';

/** A question with right answers, a countdown and points; the leaderboard adds up the points. */
export const quizSlideSchema = z
  .strictObject({
    ...questionBase,
    kind: z.literal('quiz'),
    // A quiz answer is final: changing it after seeing the room's faces would be a second guess.
    allowChange: z.boolean().default(false),
    options: z.array(labelledItemSchema).min(QUIZ_LIMITS.minOptions).max(QUIZ_LIMITS.maxOptions),
    /** The right options; none marked yet is allowed while the slide is being written, and then no one scores. */
    correct: z.array(optionIdSchema).max(QUIZ_LIMITS.maxOptions).default([]),
    /** Several options may be chosen; only exactly the correct ones score. */
    multiple: z.boolean().default(false),
    /** The countdown that starts when the slide is first shown; null for none. */
    seconds: z.number().int().min(QUIZ_LIMITS.minSeconds).max(QUIZ_LIMITS.maxSeconds).nullable().default(20),
    /** Points for a right answer. */
    points: z.number().int().min(0).max(QUIZ_LIMITS.maxPoints).default(1000),
    /** Faster right answers earn more: all the points at once, half at the last moment. */
    speedPoints: z.boolean().default(true),
  })
  .refine((slide) => uniqueIds(slide.options), { message: 'option ids must be unique', path: ['options'] })
  .refine((slide) => slide.correct.every((id) => slide.options.some((option) => option.id === id)), {
    message: 'a correct answer must be one of the options',
    path: ['correct'],
  })
  .refine((slide) => new Set(slide.correct).size === slide.correct.length, {
    message: 'a correct answer is named twice',
    path: ['correct'],
  });

export const quizAnswerSchema = z.strictObject({
  kind: z.literal('quiz'),
  optionIds: z.array(z.string().max(64)).max(QUIZ_LIMITS.maxOptions),
});

export const quizResultsSchema = z.strictObject({
  kind: z.literal('quiz'),
  ...resultsBase,
  /** One entry per option, in the slide's option order, zero counts included. */
  counts: z.array(z.strictObject({ optionId: z.string(), count: countSchema })),
  /** How many answered right. */
  correct: countSchema,
});

export type QuizSlide = z.infer<typeof quizSlideSchema>;
export type QuizAnswer = z.infer<typeof quizAnswerSchema>;
export type QuizResults = z.infer<typeof quizResultsSchema>;
