import type { ResultPresenter } from '../kind';
import PinScreen from './PinScreen.svelte';
import PinSettings from './PinSettings.svelte';
import PinSummary from './PinSummary.svelte';

export const pinPresenter: ResultPresenter<'pin'> = {
  Results: PinScreen,
  Settings: PinSettings,
  Summary: PinSummary,
  // Pins have no mean to follow between runs; the regions' counts are compared in the export.
  Change: null,
};
