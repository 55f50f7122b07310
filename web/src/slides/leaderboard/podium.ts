import type { LeaderboardEntry } from '@ettor/protocol';

/** One step of the podium: a player, and where the step stands. */
export interface PodiumStep {
  entry: LeaderboardEntry;
  /** Left, centre or right; the centre is the winner's. */
  position: 'left' | 'centre' | 'right';
  /** The step's height follows the rank, so players who share a rank stand equally high. */
  height: 1 | 2 | 3;
}

/** The top three on a podium, second on the left, first in the centre, third on the right, and the rest for the list below it. */
export function podium(entries: readonly LeaderboardEntry[]): { steps: PodiumStep[]; rest: LeaderboardEntry[] } {
  const [first, second, third, ...rest] = entries;
  const step = (entry: LeaderboardEntry | undefined, position: PodiumStep['position']): PodiumStep[] =>
    entry ? [{ entry, position, height: entry.rank === 1 ? 1 : entry.rank === 2 ? 2 : 3 }] : [];
  return { steps: [...step(second, 'left'), ...step(first, 'centre'), ...step(third, 'right')], rest };
}
