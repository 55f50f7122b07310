import type { ResultPresenter } from '../kind';
import LeaderboardScreen from './LeaderboardScreen.svelte';
import LeaderboardSettings from './LeaderboardSettings.svelte';
import LeaderboardSummary from './LeaderboardSummary.svelte';

// Standings have no mean to follow from run to run.
export const leaderboardPresenter: ResultPresenter<'leaderboard'> = {
  Results: LeaderboardScreen,
  Settings: LeaderboardSettings,
  Summary: LeaderboardSummary,
  Change: null,
};
