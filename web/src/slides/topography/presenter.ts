import type { ResultPresenter } from '../kind';
import TopographyChange from './TopographyChange.svelte';
import TopographyScreen from './TopographyScreen.svelte';
import TopographySettings from './TopographySettings.svelte';
import TopographySummary from './TopographySummary.svelte';

export const topographyPresenter: ResultPresenter<'topography'> = {
  Results: TopographyScreen,
  Settings: TopographySettings,
  Summary: TopographySummary,
  Change: TopographyChange,
};
