import type { ResultPresenter } from '../kind';
import PointsChange from './PointsChange.svelte';
import PointsScreen from './PointsScreen.svelte';
import PointsSettings from './PointsSettings.svelte';
import PointsSummary from './PointsSummary.svelte';

export const pointsPresenter: ResultPresenter<'points'> = {
  Results: PointsScreen,
  Settings: PointsSettings,
  Summary: PointsSummary,
  Change: PointsChange,
};
