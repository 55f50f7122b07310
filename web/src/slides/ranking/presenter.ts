import type { ResultPresenter } from '../kind';
import RankingChange from './RankingChange.svelte';
import RankingScreen from './RankingScreen.svelte';
import RankingSettings from './RankingSettings.svelte';
import RankingSummary from './RankingSummary.svelte';

export const rankingPresenter: ResultPresenter<'ranking'> = {
  Results: RankingScreen,
  Settings: RankingSettings,
  Summary: RankingSummary,
  Change: RankingChange,
};
