import type { QuestionSlide, Slide } from './slides.js';

export function isQuestionSlide(slide: Slide): slide is QuestionSlide {
  return slide.kind !== 'content';
}

/** The text that names a slide in lists, outlines and screen-reader labels. */
export function slideTitle(slide: Slide): string {
  if (slide.kind !== 'content') return slide.question;
  return slide.heading || slide.quote?.text || slide.bigNumber?.value || slide.body;
}
