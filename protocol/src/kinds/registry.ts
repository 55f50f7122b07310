// The plain rules of every kind, free of zod so the phone's page can use them. A kind missing here does not compile.
import type { Answer, AnswerKind, QuestionSlide, Results, Slide, SlideInput, SlideKind } from '../slides.js';
import { choiceRules } from './choice/rules.js';
import { contentRules } from './content/rules.js';
import { fail, type AnswerCheck, type AnswerRules, type KindRules } from './kind.js';
import { openRules } from './open/rules.js';
import { scaleRules } from './scale/rules.js';
import { wordCloudRules } from './wordcloud/rules.js';

export const KIND_RULES: { readonly [K in SlideKind]: KindRules<K> } = {
  content: contentRules,
  choice: choiceRules,
  wordcloud: wordCloudRules,
  open: openRules,
  scale: scaleRules,
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

/** Whether phones see a slide's results once they have answered. */
export function showsResultsOnPhones(slide: Slide): boolean {
  return answerRulesOf(slide)?.resultsOnPhones(slide as QuestionSlide) ?? false;
}

/** Results without what the presenter hid from the big screen, for anyone but the presenter. */
export function withoutHiddenEntries(results: Results): Results {
  return (KIND_RULES[results.kind].answers as AnswerRules<AnswerKind>).withoutHidden(results);
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
