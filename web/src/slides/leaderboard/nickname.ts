import type { LeaderboardEntry } from '@ettor/protocol';

/**
 * The nickname a leaderboard may show for a player: none while it awaits the presenter's approval or was hidden. Hosts
 * get such a nickname with the reason (`held`); it is for the control view's moderation, never for the room.
 */
export const shownNickname = (entry: LeaderboardEntry): string | null => (entry.held === null ? entry.nickname : null);
