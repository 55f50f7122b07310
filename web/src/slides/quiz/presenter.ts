import type { ResultPresenter } from '../kind';
import QuizScreen from './QuizScreen.svelte';
import QuizSettings from './QuizSettings.svelte';
import QuizSummary from './QuizSummary.svelte';

// Right answers have no mean to follow from run to run.
export const quizPresenter: ResultPresenter<'quiz'> = {
  Results: QuizScreen,
  Settings: QuizSettings,
  Summary: QuizSummary,
  Change: null,
  blindWhileOpen: true,
};
