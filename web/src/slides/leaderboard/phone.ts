import type { DerivedPhone } from '../kind';
import { Lazy } from '../lazy.svelte';

export const leaderboardPhone: DerivedPhone<'leaderboard'> = { Results: new Lazy(() => import('./LeaderboardPhone.svelte')) };
