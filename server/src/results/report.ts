import {
  type ChoiceSlide,
  type DeckLanguage,
  type Problem,
  type ResultSlide,
  type Segment,
  type SessionReport,
  type Slide,
  type SlideReport,
  applyThreshold,
  hasResults,
  isQuestionSlide,
  partsOf,
  slideTitle,
  splitsBySegment,
  withholdParts,
} from '@ettor/protocol';
import type { WordGroups } from '@ettor/protocol/words';
import { type StoredAnswer, type TallyContext, tally } from '../responses/tally.js';
import { type CurrentAnswers, type ReportAnswer, currentAnswers } from './answers.js';
import { type QuizPlay, derivedResults, derivedSegments } from './derived.js';
import type { StoredQuestion } from './qa.js';
import { type SegmentResults, type Segmentation, findSegmentingSlide, segmentParticipants, splitBySegment } from './segments.js';
import { suppress } from './suppression.js';

export type { ReportAnswer } from './answers.js';

/** How a session's word clouds count: the deck's language and filter, and per slide the words the presenter hid, showed, merged or split. */
export interface SessionWords {
  language: DeckLanguage;
  /** The deck holds words with offensive language back from the big screen. */
  filterOffensive: boolean;
  /** slideId → countedWordKey()s hidden from the big screen. */
  hidden: ReadonlyMap<string, ReadonlySet<string>>;
  /** slideId → countedWordKey()s the presenter showed although the filter held them. */
  shown: ReadonlyMap<string, ReadonlySet<string>>;
  /** slideId → the presenter's merges and splits. */
  groups: ReadonlyMap<string, WordGroups>;
}

/** A Swedish session that filters offensive words, with no word hidden, shown, merged or split. */
export const NO_WORDS: SessionWords = { language: 'sv', filterOffensive: true, hidden: new Map(), shown: new Map(), groups: new Map() };

/** What one slide's tally needs of its session's words. */
export function tallyContext(words: SessionWords, slideId: string): TallyContext {
  return {
    language: words.language,
    hiddenWords: words.hidden.get(slideId) ?? new Set(),
    filterOffensive: words.filterOffensive,
    shownWords: words.shown.get(slideId) ?? new Set(),
    wordGroups: words.groups.get(slideId) ?? new Map(),
  };
}

export interface ReportInput {
  /** Deck order; content slides are skipped in the report. */
  slides: readonly Slide[];
  /** Current round only. */
  answers: readonly ReportAnswer[];
  /** How the session's word clouds count their words. */
  words: SessionWords;
  /** Slide id of a single-choice question, checked by checkSegmentBy. */
  segmentBy: string | null;
  /** k, already validated >= ANONYMITY.minThreshold. */
  threshold: number;
  /** The session's Q&A questions. */
  questions: readonly StoredQuestion[];
  /** When the session's quiz countdowns ran and its players' nicknames. */
  play: QuizPlay;
}

export type ReportCheck = { ok: true; segmentBy: SessionReport['segmentBy']; slides: SlideReport[] } | { ok: false; problem: Problem };

interface Split {
  slide: ChoiceSlide;
  segmentation: Segmentation;
}

/** What each slide's report is counted from: the input, its current answers and the split, when one is asked for. */
interface Counting {
  input: ReportInput;
  answers: CurrentAnswers;
  split: Split | null;
  /** For screens during the talk: a Q&A then lists only as many questions as a screen can use. */
  live: boolean;
}

function counting(input: ReportInput, live: boolean): { ok: true; counting: Counting } | { ok: false; problem: Problem } {
  const answers = currentAnswers(input.answers);
  if (input.segmentBy === null) return { ok: true, counting: { input, answers, split: null, live } };
  const found = findSegmentingSlide(input.slides, input.segmentBy);
  if (!found.ok) return found;
  const split = { slide: found.slide, segmentation: segmentParticipants(found.slide, answers) };
  return { ok: true, counting: { input, answers, split, live } };
}

/** Every slide's results (questions and slides drawn from them), split by segment when asked, with the anonymity threshold applied. Pure. */
export function buildSlideReports(input: ReportInput): ReportCheck {
  const check = counting(input, false);
  if (!check.ok) return check;
  const { split } = check.counting;
  return {
    ok: true,
    segmentBy: split && { slideId: split.slide.id, question: split.slide.question },
    slides: input.slides.filter(hasResults).map((slide) => slideReport(check.counting, slide)),
  };
}

/**
 * One slide's results per segment as a report splits them, for the big screen during the talk (a Q&A listing as many
 * questions as a screen can use); null when the slide is not split or is gone, or the split question cannot split. Pure.
 */
export function buildLiveSegments(input: ReportInput, slideId: string): Segment[] | null {
  const check = counting(input, true);
  const slide = input.slides.find((candidate) => candidate.id === slideId);
  return check.ok && slide !== undefined && hasResults(slide) ? slideReport(check.counting, slide).segments : null;
}

function slideReport({ input, answers, split, live }: Counting, slide: ResultSlide): SlideReport {
  // Neither the split question itself is split, nor a topography, which splits itself.
  const segmentation = split !== null && split.slide.id !== slide.id && splitsBySegment(slide) ? split.segmentation : null;
  const title = slideTitle(slide);
  if (!isQuestionSlide(slide)) {
    const derived = {
      slide,
      deck: input.slides,
      answers: input.answers,
      threshold: input.threshold,
      questions: input.questions,
      ...input.play,
      live,
    };
    return {
      slideId: slide.id,
      kind: slide.kind,
      title,
      // A derived slide applies the threshold cell by cell where it applies; its segments take it as a question's do.
      results: derivedResults(derived),
      segments: segmentation && withholdSegments(derivedSegments(derived, segmentation), input.threshold),
    };
  }
  const slideAnswers = answers.get(slide.id) ?? new Map<string, StoredAnswer>();
  const context = tallyContext(input.words, slide.id);
  const results = tally(slide, [...slideAnswers.values()], context);
  return {
    slideId: slide.id,
    kind: slide.kind,
    title,
    // Fewer than k, none included, is no results at all; k or more may still have parts too few answered.
    results: results.respondents >= input.threshold ? applyThreshold(results, input.threshold) : null,
    segments:
      segmentation &&
      withholdSegments(
        splitBySegment(segmentation, slideAnswers).map(({ answers: rows, ...segment }) => ({
          ...segment,
          results: tally(slide, rows, context),
        })),
        input.threshold,
      ),
  };
}

/** The segments as a report gives them: the anonymity threshold applied across them, and across their parts. */
function withholdSegments(tallied: readonly SegmentResults[], threshold: number): Segment[] {
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
