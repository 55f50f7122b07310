import type { ResultPresenter } from '../kind';
import OpenScreen from './OpenScreen.svelte';
import OpenSettings from './OpenSettings.svelte';
import OpenSummary from './OpenSummary.svelte';

export const openPresenter: ResultPresenter<'open'> = { Results: OpenScreen, Settings: OpenSettings, Summary: OpenSummary, Change: null };
