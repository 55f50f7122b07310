import { type ChoiceSlide, type Problem, type Results, type Slide, isSingleChoice } from '@ettor/protocol';
import type { StoredAnswer } from '../responses/tally.js';
import type { CurrentAnswers } from './answers.js';

export type SegmentingSlideLookup = { ok: true; slide: ChoiceSlide } | { ok: false; problem: Problem };

/** The slide results are to be split by: a single-choice question, so that everyone is in exactly one segment. */
export function findSegmentingSlide(slides: readonly Slide[], slideId: string): SegmentingSlideLookup {
  const slide = slides.find((candidate) => candidate.id === slideId);
  if (slide === undefined) return { ok: false, problem: { code: 'unknown_slide', message: 'That question is not in this presentation.' } };
  if (!isSingleChoice(slide)) {
    return { ok: false, problem: { code: 'validation_failed', message: 'Results can only be split by a single-choice question.' } };
  }
  return { ok: true, slide };
}

/** Why results cannot be split by this slide, or null when they can. */
export function checkSegmentBy(slides: readonly Slide[], slideId: string): Problem | null {
  const found = findSegmentingSlide(slides, slideId);
  return found.ok ? null : found.problem;
}

/** One segment: the option chosen, or null ("ej angivet") for those who did not answer the segmenting question. */
export interface SegmentDef {
  optionId: string | null;
  /** The option's label; empty for null. */
  label: string;
}

export interface Segmentation {
  /** In the slide's option order, "not given" last. */
  segments: readonly SegmentDef[];
  /** Every participant who answered any slide, with the option id of their segment (null: not given). */
  segmentOf: ReadonlyMap<string, string | null>;
}

/**
 * Each participant's segment by their current answer to the segmenting slide. An option since removed from the
 * slide has no segment of its own, so its people are "not given": the segments always add up to everyone.
 */
export function segmentParticipants(slide: ChoiceSlide, answers: CurrentAnswers): Segmentation {
  const options = new Set(slide.options.map(({ id }) => id));
  const chosen = answers.get(slide.id);
  const segmentOf = new Map<string, string | null>();
  for (const byParticipant of answers.values()) {
    for (const participantId of byParticipant.keys()) {
      const optionId = optionOf(chosen?.get(participantId));
      segmentOf.set(participantId, optionId !== undefined && options.has(optionId) ? optionId : null);
    }
  }
  const segments = [...slide.options.map(({ id, label }) => ({ optionId: id, label })), { optionId: null, label: '' }];
  return { segments, segmentOf };
}

function optionOf(stored: StoredAnswer | undefined): string | undefined {
  return stored?.answer.kind === 'choice' ? stored.answer.optionIds[0] : undefined;
}

export interface SegmentAnswers extends SegmentDef {
  answers: StoredAnswer[];
}

/** One segment's results, before the anonymity threshold is applied across the segments. */
export interface SegmentResults extends SegmentDef {
  results: Results;
}

/**
 * Items grouped by the segment of the participant each is of, by option id; anyone the segmentation does not know of
 * (who answered nothing, only asked a question) is "not given".
 */
export function bySegment<T>(
  segmentation: Segmentation,
  items: Iterable<T>,
  participantOf: (item: T) => string,
): ReadonlyMap<string | null, readonly T[]> {
  const groups = new Map(segmentation.segments.map(({ optionId }) => [optionId, [] as T[]]));
  for (const item of items) groups.get(segmentation.segmentOf.get(participantOf(item)) ?? null)?.push(item);
  return groups;
}

/** One slide's current answers (by participant id) split by segment, in the segmentation's order. */
export function splitBySegment(segmentation: Segmentation, answers: ReadonlyMap<string, StoredAnswer>): SegmentAnswers[] {
  const groups = bySegment(segmentation, answers, ([participantId]) => participantId);
  return segmentation.segments.map((segment) => ({
    ...segment,
    answers: (groups.get(segment.optionId) ?? []).map(([, stored]) => stored),
  }));
}
