import type { Problem, QuestionSlide } from '@ettor/protocol';
import { errorText, t } from '../i18n/i18n.svelte';

/** Says what is wrong with an answer in the person's language, with the slide's own limits. */
export function describeProblem(problem: Problem, slide: QuestionSlide): string {
  if (problem.code === 'too_long') {
    return slide.kind === 'wordcloud'
      ? t('error.tooLongEntry', { max: slide.maxLength })
      : t('error.tooLongText', { max: slide.kind === 'open' ? slide.maxLength : 0 });
  }
  if (problem.code === 'too_many_entries') {
    return slide.kind === 'wordcloud' ? t('error.tooManyWords', { max: slide.maxEntries }) : t('error.chooseOne');
  }
  return errorText(problem.code);
}
