import type { ResultPresenter } from '../kind';
import QaScreen from './QaScreen.svelte';
import QaSettings from './QaSettings.svelte';
import QaSummary from './QaSummary.svelte';

// Questions have no mean to follow from run to run.
export const qaPresenter: ResultPresenter<'qa'> = { Results: QaScreen, Settings: QaSettings, Summary: QaSummary, Change: null };
