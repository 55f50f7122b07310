import type { ResultsOf } from '@ettor/protocol';
import { type Row, listRows } from '../export-table.js';
import type { ResultExport } from './kind.js';

/** The players the leaderboard lists, by place; per group, the standings among its players. Names the room did not see stay out. */
export const leaderboardExport: ResultExport<'leaderboard'> = {
  name: 'Topplista',
  table: (_slide, groups) =>
    listRows(groups, ['Placering', 'Smeknamn', 'Poäng'], (results) =>
      (results as ResultsOf<'leaderboard'>).entries.map((entry): Row => [
        entry.rank,
        entry.held === null && entry.nickname !== null ? entry.nickname : 'Utan smeknamn',
        entry.score,
      ]),
    ),
};
