import { t } from '../../i18n/i18n.svelte';
import type { QuestionPhone } from '../kind';
import { Lazy } from '../lazy.svelte';

export const quizPhone: QuestionPhone<'quiz'> = {
  Form: new Lazy(() => import('./QuizPhone.svelte')),
  draft: (_slide, saved) => ({ kind: 'quiz', optionIds: [...(saved?.optionIds ?? [])] }),
  problems: { empty_answer: () => t('quiz.error.empty'), too_many_entries: () => t('quiz.error.chooseOne') },
  // Whether it was right comes once the question closes, on the phone's score card; phones never see the right answers before.
  Results: null,
  savedText: () => t('quiz.sent'),
};
