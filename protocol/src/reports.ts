// Results that outlive the talk: a session's results per slide, optionally split by an earlier single-choice
// answer, with the anonymity threshold applied. See docs/results-format.md.
import { z } from 'zod';
import { ANONYMITY } from './anonymity.js';
import { REACTIONS } from './reactions.js';
import { countSchema, resultsSchema, slideIdSchema, slideKindSchema, slideSchema } from './slides.js';

/** Counts per reaction; a reaction no one sent is left out. */
export const reactionCountsSchema = z.partialRecord(z.enum(REACTIONS), countSchema);

const timestamp = z.string().describe('ISO 8601');

/** The smallest group whose results may be shown: settable per deck, never below ANONYMITY.minThreshold. */
export const anonymityThresholdSchema = z.number().int().min(ANONYMITY.minThreshold).max(ANONYMITY.maxThreshold);

/** One group of participants by their answer to the segmenting question. */
export const segmentSchema = z.strictObject({
  /** The option id they chose, or null for those who did not answer the segmenting question ("ej angivet"). */
  optionId: z.string().nullable(),
  /** The option's label; empty for null. */
  label: z.string(),
  /** Participants in the segment who answered this slide: for a Q&A who asked, for a leaderboard who played. */
  respondents: countSchema,
  /** Null when fewer than the threshold answered, or when showing it would reveal a hidden segment by subtraction. */
  results: resultsSchema.nullable(),
});

export const slideReportSchema = z.strictObject({
  slideId: slideIdSchema,
  kind: slideKindSchema,
  /** The slide's title as lists show it. */
  title: z.string(),
  /** Everyone's results; null when fewer than the threshold answered. */
  results: resultsSchema.nullable(),
  /** The same results per segment, in the segmenting question's option order and "not given" last; null when not segmented, for the segmenting question itself and for a topography (which splits itself). */
  segments: z.array(segmentSchema).nullable(),
});

/** One session of a deck as the dashboard lists it. */
export const sessionSummarySchema = z.strictObject({
  id: z.string(),
  presentationId: z.string(),
  status: z.enum(['live', 'ended']),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  /** People who joined. */
  participants: countSchema,
  /** Answers that count: one per participant and question, in each question's current round. */
  answers: countSchema,
  /** When the retention setting deleted the session's answers, or null while they are kept. */
  answersPurgedAt: timestamp.nullable(),
});

export const sessionReportSchema = z.strictObject({
  session: sessionSummarySchema,
  presentationTitle: z.string(),
  anonymityThreshold: anonymityThresholdSchema,
  /** The single-choice question the results are split by, or null. */
  segmentBy: z.strictObject({ slideId: slideIdSchema, question: z.string() }).nullable(),
  /** Every question slide of the deck, in deck order. */
  slides: z.array(slideReportSchema),
  /** The reactions each slide got, in deck order; slides without any are left out. Counts only: no one is in them. */
  reactions: z.array(z.strictObject({ slideId: slideIdSchema, title: z.string(), counts: reactionCountsSchema })),
});

/** The formats a session's results export to. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/** A read-only link to a session's results: aggregates only, the threshold respected, revocable. */
export const shareLinkSchema = z.strictObject({
  id: z.string(),
  /** The secret in the link: 256 random bits, base64url. Kept so its owner can copy the link again; it opens aggregates only. */
  token: z.string(),
  /** The page to open, /app/shared/<token>. */
  path: z.string(),
  createdAt: timestamp,
});

/** A report through a share link, with the deck's questions (speaker notes removed) that its charts take their labels from. */
export const sharedReportSchema = sessionReportSchema.extend({
  questions: z.array(slideSchema),
});

/** Two or more sessions (runs) of one deck side by side. */
export const sessionComparisonSchema = z.strictObject({
  presentationId: z.string(),
  presentationTitle: z.string(),
  anonymityThreshold: anonymityThresholdSchema,
  /** The runs compared, oldest first: the first is the baseline each later run's change is measured from. */
  sessions: z.array(sessionSummarySchema).min(2),
  /** Every slide with results, in deck order; `runs` has one entry per session, in the sessions' order. */
  slides: z.array(
    z.strictObject({
      slideId: slideIdSchema,
      kind: slideKindSchema,
      title: z.string(),
      /** Each run's results, null where that run had fewer than the threshold answering. */
      runs: z.array(resultsSchema.nullable()),
    }),
  ),
  /** The deck's slides with results (speaker notes removed), which the charts take their labels from. */
  questions: z.array(slideSchema),
});

/** A presentation template: a ready deck to start from, in one language. */
export const templateSummarySchema = z.strictObject({
  id: z.string(),
  language: z.enum(['sv', 'en']),
  title: z.string(),
  /** One or two sentences on what the deck is for. */
  description: z.string(),
  slideCount: countSchema,
  /** The framework or work it builds on and its licence, e.g. "DigComp 2.2, EU (CC BY 4.0)"; empty when none. */
  credit: z.string(),
});

export type SessionComparison = z.infer<typeof sessionComparisonSchema>;
export type TemplateSummary = z.infer<typeof templateSummarySchema>;
export type Segment = z.infer<typeof segmentSchema>;
export type SharedReport = z.infer<typeof sharedReportSchema>;
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export type ShareLink = z.infer<typeof shareLinkSchema>;
export type SlideReport = z.infer<typeof slideReportSchema>;
export type SessionSummary = z.infer<typeof sessionSummarySchema>;
export type SessionReport = z.infer<typeof sessionReportSchema>;
