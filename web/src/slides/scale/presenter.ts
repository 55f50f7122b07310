import type { ResultPresenter } from '../kind';
import ScaleChange from './ScaleChange.svelte';
import ScaleScreen from './ScaleScreen.svelte';
import ScaleSettings from './ScaleSettings.svelte';
import ScaleSummary from './ScaleSummary.svelte';

export const scalePresenter: ResultPresenter<'scale'> = {
  Results: ScaleScreen,
  Settings: ScaleSettings,
  Summary: ScaleSummary,
  Change: ScaleChange,
};
