// Results of the kinds not counted from their own answers, one entry per kind: a kind missing here does not compile.
import { type AnswerKind, type ResultKind, type ResultsOf, type Slide, type SlideOf, quizzesBefore, slideSources } from '@ettor/protocol';
import type { ReportAnswer } from './answers.js';
import { type PlayerName, buildLeaderboard } from './leaderboard.js';
import { type StoredQuestion, buildQa } from './qa.js';
import type { QuizClock } from './quiz-scores.js';
import { type SegmentResults, type Segmentation, bySegment } from './segments.js';
import { buildTopography } from './topography.js';

/** Kinds with results but no answers of their own: drawn from other slides' answers, or a Q&A's questions. */
export type StoredResultKind = Exclude<ResultKind, AnswerKind>;

/** What the quizzes of a session add to their answers: when each countdown began, and the players' nicknames. */
export interface QuizPlay {
  clock: QuizClock;
  nicknames: ReadonlyMap<string, PlayerName>;
}

export const NO_PLAY: QuizPlay = { clock: { countdowns: new Map(), timeFactor: 1 }, nicknames: new Map() };

export interface DerivedInput<K extends StoredResultKind> extends QuizPlay {
  slide: SlideOf<K>;
  deck: readonly Slide[];
  /** The session's answers in each slide's current round; a builder takes those of the slides it draws on. */
  answers: readonly ReportAnswer[];
  /** k, already validated. */
  threshold: number;
  /** The session's Q&A questions; a Q&A takes its own. */
  questions: readonly StoredQuestion[];
  /** For screens during the talk: a Q&A then lists only as many questions as a screen can use; a report lists all. */
  live: boolean;
}

interface DerivedKindRules<K extends StoredResultKind> {
  build(input: DerivedInput<K>): ResultsOf<K>;
  /** The slides whose answers the results are drawn from, so that only those are read. */
  answersFrom(slide: SlideOf<K>, deck: readonly Slide[]): readonly string[];
  /** Whether the results need the session's quiz play (timings and nicknames). */
  play: boolean;
}

const DERIVED: { readonly [K in StoredResultKind]: DerivedKindRules<K> } = {
  topography: { build: buildTopography, answersFrom: (slide) => slideSources(slide), play: false },
  qa: { build: buildQa, answersFrom: () => [], play: false },
  leaderboard: { build: buildLeaderboard, answersFrom: (slide, deck) => quizzesBefore(slide.id, deck), play: true },
};

/** The one place where a slide and its kind's entry are paired, which TypeScript cannot follow through the union. */
function rulesOf(slide: SlideOf<StoredResultKind>): DerivedKindRules<StoredResultKind> {
  return DERIVED[slide.kind] as unknown as DerivedKindRules<StoredResultKind>;
}

/** The results of a slide without answers of its own, with the anonymity threshold applied where it applies. Pure. */
export function derivedResults(input: DerivedInput<StoredResultKind>): ResultsOf<StoredResultKind> {
  return rulesOf(input.slide).build(input);
}

/** What a slide without answers of its own is counted from: the slides whose answers it takes, and whether it needs the quiz play. */
export function derivedNeeds(slide: SlideOf<StoredResultKind>, deck: readonly Slide[]): { answersFrom: readonly string[]; play: boolean } {
  const rules = rulesOf(slide);
  return { answersFrom: rules.answersFrom(slide, deck), play: rules.play };
}

/**
 * A slide's results per segment, each counted as if only the segment's people had taken part (their answers, the
 * questions they asked), for a kind whose results split so (`splitsBySegment`); k is applied across them by the caller.
 */
export function derivedSegments(input: DerivedInput<StoredResultKind>, segmentation: Segmentation): SegmentResults[] {
  const answers = bySegment(segmentation, input.answers, ({ participantId }) => participantId);
  // A question keeps every upvote it got, from any segment: a segment is who asked, not who agreed.
  const questions = bySegment(segmentation, input.questions, ({ participantId }) => participantId);
  return segmentation.segments.map((segment) => ({
    ...segment,
    results: derivedResults({ ...input, answers: answers.get(segment.optionId) ?? [], questions: questions.get(segment.optionId) ?? [] }),
  }));
}
