import { z } from 'zod';
import { LIMITS } from '../../limits.js';
import { approveFirstField, countSchema, resultsBase, slideBase, textSchema } from '../base.js';
import { QA_LIMITS } from './rules.js';

/** A Q&A: the audience asks questions and upvotes each other's; the presenter answers, pins and moderates them. */
export const qaSlideSchema = z.strictObject({
  ...slideBase,
  kind: z.literal('qa'),
  /** The invitation on the big screen and the phones ("Frågor till oss?"). */
  question: textSchema(LIMITS.questionLength),
  /** Phones may ask here from any slide of the session, not only while this one is shown. */
  anytime: z.boolean().default(true),
  /** Questions reach the big screen and the phones only once the presenter approves them. */
  ...approveFirstField,
  /** A question may be signed with a name; always optional, anonymous is the default. */
  names: z.boolean().default(true),
  maxLength: z.number().int().min(1).max(QA_LIMITS.maxLength).default(280),
});

export const qaQuestionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a question id');

/** One question asked of the presenter. */
export const qaQuestionSchema = z.strictObject({
  id: qaQuestionIdSchema,
  text: z.string(),
  /** The name it was signed with; null when asked anonymously. */
  name: z.string().nullable(),
  /** ISO time it was asked. */
  askedAt: z.string(),
  votes: countSchema,
  /** `pending` awaits the presenter's approval; only `shown` questions reach the big screen and the phones. */
  status: z.enum(['pending', 'shown', 'hidden']),
  answered: z.boolean(),
  /** The one question the big screen shows large. */
  pinned: z.boolean(),
});

export const qaResultsSchema = z.strictObject({
  kind: z.literal('qa'),
  ...resultsBase,
  /** Every question asked here, including those not listed; phones and share links count the shown ones only. */
  total: countSchema,
  /** Questions awaiting approval; 0 for anyone but the presenter. */
  pending: countSchema,
  /** Questions the presenter hid; 0 for anyone but the presenter. */
  hidden: countSchema,
  /** Most upvoted first; see listedQuestions() for which are listed. Respondents are the people who asked. */
  questions: z.array(qaQuestionSchema),
});

export type QaSlide = z.infer<typeof qaSlideSchema>;
export type QaQuestion = z.infer<typeof qaQuestionSchema>;
export type QaResults = z.infer<typeof qaResultsSchema>;
