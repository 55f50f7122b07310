import type { DerivedPhone } from '../kind';
import LeaderboardPhone from './LeaderboardPhone.svelte';

export const leaderboardPhone: DerivedPhone<'leaderboard'> = { Results: LeaderboardPhone };
