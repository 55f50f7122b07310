import type { ResultsOf } from '@ettor/protocol';
import { type Row, LABELS } from '../export-table.js';
import type { ResultExport } from './kind.js';

/** The players the leaderboard lists, by place. */
export const leaderboardExport: ResultExport<'leaderboard'> = {
  name: 'Topplista',
  table(_slide, groups) {
    // A leaderboard is never split by group: its one group is everyone.
    const results = groups[0]?.results as ResultsOf<'leaderboard'> | null | undefined;
    if (!results) return { rows: [[LABELS.tooFew]], header: 0 };
    const rows: Row[] = [
      ['Placering', 'Smeknamn', 'Poäng'],
      ...results.entries.map((entry): Row => [entry.rank, entry.nickname ?? 'Utan smeknamn', entry.score]),
    ];
    return { rows, header: 1 };
  },
};
