// The plain rules of every kind, free of zod so the phone's page can use them. A kind missing here does not compile.
import type { Problem } from '../error-codes.js';
import type { Answer, AnswerKind, QuestionSlide, ResultSlide, Results, Slide, SlideInput, SlideKind } from '../slides.js';
import { choiceRules } from './choice/rules.js';
import { contentRules } from './content/rules.js';
import { fail, type AnswerCheck, type AnswerRules, type KindRules } from './kind.js';
import { gridRules } from './grid/rules.js';
import { openRules } from './open/rules.js';
import { pinRules } from './pin/rules.js';
import { pointsRules } from './points/rules.js';
import { qaRules } from './qa/rules.js';
import { quizRules } from './quiz/rules.js';
import { leaderboardRules } from './leaderboard/rules.js';
import { rankingRules } from './ranking/rules.js';
import { scaleRules } from './scale/rules.js';
import { topographyRules } from './topography/rules.js';
import { wordCloudRules } from './wordcloud/rules.js';

export const KIND_RULES: { readonly [K in SlideKind]: KindRules<K> } = {
  content: contentRules,
  choice: choiceRules,
  wordcloud: wordCloudRules,
  open: openRules,
  scale: scaleRules,
  ranking: rankingRules,
  points: pointsRules,
  grid: gridRules,
  pin: pinRules,
  quiz: quizRules,
  leaderboard: leaderboardRules,
  qa: qaRules,
  topography: topographyRules,
};

/** The kinds of slide, in the order the editor offers them. */
export const SLIDE_KINDS = Object.keys(KIND_RULES) as [SlideKind, ...SlideKind[]];

/** The rules of a slide's own kind; the one place where a slide and its kind's rules are paired. */
function rulesOf<K extends SlideKind>(slide: Extract<Slide, { kind: K }>): KindRules<K> {
  return KIND_RULES[slide.kind];
}

function answerRulesOf(slide: Slide): AnswerRules<AnswerKind> | null {
  return rulesOf(slide).answers as AnswerRules<AnswerKind> | null;
}

export function isQuestionSlide(slide: Slide): slide is QuestionSlide {
  return answerRulesOf(slide) !== null;
}

/** Whether a slide has results: a question, or a slide drawn from other slides' answers. */
export function hasResults(slide: Slide): slide is ResultSlide {
  return KIND_RULES[slide.kind].hasResults;
}

/** Whether a slide's results split by an earlier single choice: a question's, a Q&A's and a leaderboard's, not a topography's. */
export function splitsBySegment(slide: Slide): slide is ResultSlide {
  return isQuestionSlide(slide) || KIND_RULES[slide.kind].splitsBySegment === true;
}

/** A slide whose free text from phones the presenter may approve before the big screen shows it. */
export type ApprovableSlide = Extract<Slide, { approveFirst: boolean }>;

export function isApprovable(slide: Slide): slide is ApprovableSlide {
  return 'approveFirst' in slide;
}

/** Whether the free text phones send to a slide waits for the presenter's approval before the big screen shows it. */
export function approvesFirst(slide: Slide): boolean {
  return isApprovable(slide) && slide.approveFirst;
}

/**
 * Applies a slide's answer rules and returns the answer as it will be stored (text cleaned),
 * or the first rule it breaks. Pure: the phone runs it before sending, the server before storing.
 */
export function checkAnswer(slide: Slide, answer: Answer): AnswerCheck {
  const rules = answerRulesOf(slide);
  if (rules === null) return fail('not_a_question', 'This slide does not take answers.');
  if (answer.kind !== slide.kind) return fail('wrong_answer_kind', `This slide takes a ${slide.kind} answer, not ${answer.kind}.`);
  return rules.check(slide, answer);
}

/** Whether phones see a slide's results: a question's once they have answered, if its rules say so; a slide drawn from other slides' answers always. */
export function showsResultsOnPhones(slide: Slide): boolean {
  return answerRulesOf(slide)?.resultsOnPhones(slide as QuestionSlide) ?? hasResults(slide);
}

/** Results without what the presenter hid from the big screen, for anyone but the presenter. */
export function withoutHiddenEntries(results: Results): Results {
  const withoutHidden = KIND_RULES[results.kind].withoutHidden as ((results: Results) => Results) | null;
  return withoutHidden === null ? results : withoutHidden(results);
}

/** Live results as a phone gets them: nothing hidden or unapproved, and no more than a phone can use. */
export function resultsForPhones(results: Results): Results {
  const forPhonesOnly = KIND_RULES[results.kind].forPhonesOnly as ((results: Results) => Results) | undefined;
  const shown = withoutHiddenEntries(results);
  return forPhonesOnly ? forPhonesOnly(shown) : shown;
}

/**
 * Results as anyone but their presenter may see them under the anonymity threshold k: null for a question's results
 * of at least one and fewer than k people, and otherwise with each part drawn from fewer than k withheld (a scale's
 * statement that few rated). A kind drawn from other slides' answers applies k inside its results already.
 */
export function applyThreshold(results: Results, threshold: number): Results | null {
  const rules = KIND_RULES[results.kind].answers as AnswerRules<AnswerKind> | null;
  if (rules === null) return results;
  const answered = results as Extract<Results, { kind: AnswerKind }>;
  if (answered.respondents > 0 && answered.respondents < threshold) return null;
  const withheld = rules.parts(answered)?.map((n) => n > 0 && n < threshold);
  return withheld ? withholdParts(results, withheld) : results;
}

/** How many people each part of a question's results is drawn from, when k applies part by part; null otherwise. */
export function partsOf(results: Results): readonly number[] | null {
  const rules = KIND_RULES[results.kind].answers as AnswerRules<AnswerKind> | null;
  return rules === null ? null : rules.parts(results as Extract<Results, { kind: AnswerKind }>);
}

/** The results with the parts marked true withheld. */
export function withholdParts(results: Results, withheld: readonly boolean[]): Results {
  const rules = KIND_RULES[results.kind].answers as AnswerRules<AnswerKind> | null;
  return rules === null || !withheld.some(Boolean)
    ? results
    : rules.withholdParts(results as Extract<Results, { kind: AnswerKind }>, withheld);
}

/** Whether a question's results are withheld as a whole under the anonymity threshold k. */
export function isWithheld(results: Results, threshold: number): boolean {
  return applyThreshold(results, threshold) === null;
}

/** A slide as anyone but its presenter sees it (phones, share links, comparisons): speaker notes are the presenter's own. */
export function withoutNotes<S extends Slide>(slide: S): S {
  return { ...slide, notes: '' };
}

/** Seconds a question takes answers once first shown, a countdown that starts by itself; null for no limit (or no answers). */
export function timeLimitOf(slide: Slide): number | null {
  return answerRulesOf(slide)?.timeLimit(slide as QuestionSlide) ?? null;
}

/** A slide as phones get it during a session: without speaker notes, and without what would give an answer away. */
export function forPhones(slide: Slide): Slide {
  const rules = answerRulesOf(slide);
  return withoutNotes(rules === null ? slide : rules.forPhones(slide as QuestionSlide));
}

/** The text that names a slide in lists, outlines and screen-reader labels. */
export function slideTitle(slide: Slide): string {
  return rulesOf(slide).title(slide);
}

/** The uploaded images a slide shows, by asset id. */
export function slideAssetIds(slide: Slide): readonly string[] {
  return rulesOf(slide).assetIds(slide);
}

/** The slide with each asset id mapped to another, or to null where the image is left out. */
export function mapSlideAssets(slide: Slide, map: (assetId: string) => string | null): Slide {
  return rulesOf(slide).mapAssets(slide, map);
}

/** A new slide of a kind as the editor starts it, before the schema's defaults. */
export function blankSlide(kind: SlideKind, id: string, newId: () => string): SlideInput {
  return KIND_RULES[kind].blank(id, newId);
}

/** The other slides whose answers a slide's results are drawn from. */
export function slideSources(slide: Slide): readonly string[] {
  return rulesOf(slide).sources(slide);
}

/**
 * A deck's slides under new ids (a copy, an import), with every reference between them following: the slides a slide
 * draws on keep pointing at the same slides under their new ids.
 */
export function renumberSlides<S extends Slide>(deck: readonly S[], newId: () => string): S[] {
  const ids = new Map(deck.map((slide) => [slide.id, newId()]));
  return deck.map((slide) => ({ ...rulesOf(slide).mapSources(slide, (id) => ids.get(id) ?? id), id: ids.get(slide.id) ?? slide.id }) as S);
}

/** The first slide of a deck that draws on slides that cannot serve it, with why; null when every slide can be drawn. */
export function checkDeckSources(deck: readonly Slide[]): { slideId: string; problem: Problem } | null {
  for (const slide of deck) {
    const problem = rulesOf(slide).checkSources(slide, deck);
    if (problem !== null) return { slideId: slide.id, problem };
  }
  return null;
}

/** The slides of a deck that draw on this one: deleting it would leave them without their source. */
export function slidesDrawingOn(deck: readonly Slide[], slideId: string): Slide[] {
  return deck.filter((slide) => slide.id !== slideId && slideSources(slide).includes(slideId));
}
