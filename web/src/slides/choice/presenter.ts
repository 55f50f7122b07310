import type { ResultPresenter } from '../kind';
import ChoiceScreen from './ChoiceScreen.svelte';
import ChoiceSettings from './ChoiceSettings.svelte';
import ChoiceSummary from './ChoiceSummary.svelte';

export const choicePresenter: ResultPresenter<'choice'> = {
  Results: ChoiceScreen,
  Settings: ChoiceSettings,
  Summary: ChoiceSummary,
  Change: null,
};
