import {
  type ChoiceSlide,
  type Problem,
  type QuestionSlide,
  type Segment,
  type SessionReport,
  type Slide,
  type SlideReport,
  applyThreshold,
  hasResults,
  isQuestionSlide,
  partsOf,
  slideTitle,
  withholdParts,
} from '@ettor/protocol';
import { type StoredAnswer, tally } from '../responses/tally.js';
import { type ReportAnswer, currentAnswers } from './answers.js';
import { derivedResults } from './derived.js';
import { type Segmentation, findSegmentingSlide, segmentParticipants, splitBySegment } from './segments.js';
import { suppress } from './suppression.js';

export type { ReportAnswer } from './answers.js';

export interface ReportInput {
  /** Deck order; content slides are skipped in the report. */
  slides: readonly Slide[];
  /** Current round only. */
  answers: readonly ReportAnswer[];
  /** slideId → wordKey()s hidden by the presenter. */
  hiddenWords: ReadonlyMap<string, ReadonlySet<string>>;
  /** Slide id of a single-choice question, checked by checkSegmentBy. */
  segmentBy: string | null;
  /** k, already validated >= ANONYMITY.minThreshold. */
  threshold: number;
}

export type ReportCheck = { ok: true; segmentBy: SessionReport['segmentBy']; slides: SlideReport[] } | { ok: false; problem: Problem };

interface Split {
  slide: ChoiceSlide;
  segmentation: Segmentation;
}

/** Every slide's results (questions and slides drawn from them), questions split by segment when asked, with the anonymity threshold applied. Pure. */
export function buildSlideReports(input: ReportInput): ReportCheck {
  const answers = currentAnswers(input.answers);
  let split: Split | null = null;
  if (input.segmentBy !== null) {
    const found = findSegmentingSlide(input.slides, input.segmentBy);
    if (!found.ok) return found;
    split = { slide: found.slide, segmentation: segmentParticipants(found.slide, answers) };
  }
  const slides = input.slides.filter(hasResults).map((slide): SlideReport => {
    if (!isQuestionSlide(slide)) {
      // A derived slide applies the threshold cell by cell, and splitting it again would mean nothing.
      const results = derivedResults({ slide, deck: input.slides, answers: input.answers, threshold: input.threshold });
      return { slideId: slide.id, kind: slide.kind, title: slideTitle(slide), results, segments: null };
    }
    const slideAnswers = answers.get(slide.id) ?? new Map<string, StoredAnswer>();
    const hiddenWords = input.hiddenWords.get(slide.id);
    const results = tally(slide, [...slideAnswers.values()], hiddenWords);
    return {
      slideId: slide.id,
      kind: slide.kind,
      title: slideTitle(slide),
      // Fewer than k, none included, is no results at all; k or more may still have parts too few answered.
      results: results.respondents >= input.threshold ? applyThreshold(results, input.threshold) : null,
      segments:
        split === null || split.slide.id === slide.id
          ? null
          : segmentReports(slide, slideAnswers, hiddenWords, split.segmentation, input.threshold),
    };
  });
  return { ok: true, segmentBy: split && { slideId: split.slide.id, question: split.slide.question }, slides };
}

function segmentReports(
  slide: QuestionSlide,
  answers: ReadonlyMap<string, StoredAnswer>,
  hiddenWords: ReadonlySet<string> | undefined,
  segmentation: Segmentation,
  threshold: number,
): Segment[] {
  const tallied = splitBySegment(segmentation, answers).map(({ optionId, label, answers: rows }) => ({
    optionId,
    label,
    results: tally(slide, rows, hiddenWords),
  }));
  const { hidden } = suppress(
    tallied.map(({ results }) => results.respondents),
    threshold,
  );
  // Parts k applies to one by one (a scale's statements) are withheld per part across the groups shown, by the same
  // rule, so that the total of a part minus the shown groups gives no withheld group away either.
  // A withheld group's parts count as withheld: the part's total minus the shown groups holds them too.
  const parts = tallied.map(({ results }) => partsOf(results));
  const partCount = Math.max(0, ...parts.map((counts) => counts?.length ?? 0));
  const withheldParts = Array.from({ length: partCount }, (_, part) =>
    suppress(
      parts.map((counts) => counts?.[part] ?? 0),
      threshold,
      hidden,
    ),
  );
  return tallied.map(({ optionId, label, results }, index) =>
    // A hidden segment's count is withheld as well as its results, or the slide's total minus the others would give it.
    (hidden[index] ?? true)
      ? { optionId, label, respondents: 0, results: null }
      : {
          optionId,
          label,
          respondents: results.respondents,
          results: withholdParts(
            results,
            withheldParts.map((part) => part.hidden[index] ?? false),
          ),
        },
  );
}
