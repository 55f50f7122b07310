import type { QuestionPresenter } from '../kind';
import ChoiceScreen from './ChoiceScreen.svelte';
import ChoiceSettings from './ChoiceSettings.svelte';
import ChoiceSummary from './ChoiceSummary.svelte';

export const choicePresenter: QuestionPresenter<'choice'> = { Results: ChoiceScreen, Settings: ChoiceSettings, Summary: ChoiceSummary };
