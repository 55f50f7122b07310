// What the phone's page needs of each kind. Kept apart from the presenter's parts so the phone never loads charts, the editor or zod.
import type { Answer, AnswerKind, DerivedKind, Problem, QaSlide, QuestionSlide, SlideKind, SlideOf } from '@ettor/protocol';
import { errorText } from '../i18n/i18n.svelte';
import { choicePhone } from './choice/phone';
import { contentPhone } from './content/phone';
import {
  savedFor,
  type DerivedPhone,
  type InfoKind,
  type InfoPhone,
  type InfoSlide,
  type PhoneKind,
  type QaPhone,
  type QuestionPhone,
} from './kind';
import { Lazy } from './lazy.svelte';
import { openPhone } from './open/phone';
import { rankingPhone } from './ranking/phone';
import { pointsPhone } from './points/phone';
import { gridPhone } from './grid/phone';
import { pinPhone } from './pin/phone';
import { quizPhone } from './quiz/phone';
import { leaderboardPhone } from './leaderboard/phone';
// Renamed: qaPhone() below is the accessor the pages use, as derivedPhone() is.
import { qaPhone as qaParts } from './qa/phone';
import { scalePhone } from './scale/phone';
import { topographyPhone } from './topography/phone';
import { wordCloudPhone } from './wordcloud/phone';

/**
 * A kind missing here, or missing a part, does not compile. The kinds few decks use (ranking, points, grid, pin,
 * quiz, topography, leaderboard) fetch their form or results on demand, keeping them out of every phone's first download.
 */
export const PHONE_KINDS: { readonly [K in SlideKind]: PhoneKind<K> } = {
  content: contentPhone,
  choice: choicePhone,
  wordcloud: wordCloudPhone,
  open: openPhone,
  scale: scalePhone,
  ranking: rankingPhone,
  points: pointsPhone,
  grid: gridPhone,
  pin: pinPhone,
  quiz: quizPhone,
  leaderboard: leaderboardPhone,
  qa: qaParts,
  topography: topographyPhone,
};

/** Starts fetching the parts of a kind that it fetches on demand, so they are there when its slide is shown; again after a failure. */
export function preloadPhone(kind: SlideKind): void {
  for (const part of Object.values(PHONE_KINDS[kind])) if (part instanceof Lazy) part.load();
}

/** The phone parts of a question's own kind; the registry pairs each kind with its parts, which TypeScript cannot follow through a union. */
export function questionPhone(slide: QuestionSlide): QuestionPhone<AnswerKind> {
  return PHONE_KINDS[slide.kind] as unknown as QuestionPhone<AnswerKind>;
}

export function infoPhone(slide: InfoSlide): InfoPhone<InfoKind> {
  return PHONE_KINDS[slide.kind];
}

/** The phone parts of a kind drawn from other answers; cast for the same reason as questionPhone()'s. */
export function derivedPhone(slide: SlideOf<DerivedKind>): DerivedPhone<DerivedKind> {
  return PHONE_KINDS[slide.kind] as unknown as DerivedPhone<DerivedKind>;
}

export function qaPhone(slide: QaSlide): QaPhone {
  return PHONE_KINDS[slide.kind];
}

/** The draft a phone starts a question from: the saved answer if it fits the slide, else an empty one. */
export function startDraft(slide: QuestionSlide, saved: Answer | undefined): Answer {
  return questionPhone(slide).draft(slide, savedFor(slide, saved));
}

/** Says what is wrong with an answer in the person's language, with the slide's own limits where the kind has words for them. */
export function describeProblem(problem: Problem, slide: QuestionSlide): string {
  return questionPhone(slide).problems[problem.code]?.(slide) ?? errorText(problem.code);
}
