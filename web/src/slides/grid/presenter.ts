import type { ResultPresenter } from '../kind';
import GridChange from './GridChange.svelte';
import GridScreen from './GridScreen.svelte';
import GridSettings from './GridSettings.svelte';
import GridSummary from './GridSummary.svelte';

export const gridPresenter: ResultPresenter<'grid'> = {
  Results: GridScreen,
  Settings: GridSettings,
  Summary: GridSummary,
  Change: GridChange,
};
