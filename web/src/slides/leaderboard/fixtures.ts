// A leaderboard for the tests: six players after three questions, two sharing second place and one without a nickname;
// and the same with nicknames held back by the presenter.
import type { LeaderboardResults, LeaderboardSlide } from '@ettor/protocol';

export const slide: LeaderboardSlide = {
  id: 'topp',
  kind: 'leaderboard',
  heading: 'Ställningen',
  podium: false,
  shown: 10,
  approveFirst: false,
  notes: '',
};

export const results: LeaderboardResults = {
  kind: 'leaderboard',
  slideId: 'topp',
  respondents: 6,
  quizzes: 3,
  entries: [
    { rank: 1, nickname: 'Solrosen', held: null, score: 2450 },
    { rank: 2, nickname: 'Kvarnen', held: null, score: 1800 },
    { rank: 2, nickname: 'Älgen', held: null, score: 1800 },
    { rank: 4, nickname: null, held: null, score: 1500 },
    { rank: 5, nickname: 'Byggaren', held: null, score: 740 },
    { rank: 6, nickname: 'Lodjuret', held: null, score: 0 },
  ],
};

/**
 * The same standings as hosts get them while nicknames are moderated: Solrosen's awaits approval and Kvarnen's was
 * hidden, so neither may be shown; the others may.
 */
export const moderated: LeaderboardResults = {
  ...results,
  entries: [
    { rank: 1, nickname: 'Solrosen', held: 'pending', score: 2450 },
    { rank: 2, nickname: 'Kvarnen', held: 'hidden', score: 1800 },
    { rank: 2, nickname: 'Älgen', held: null, score: 1800 },
    { rank: 4, nickname: null, held: null, score: 1500 },
    { rank: 5, nickname: 'Byggaren', held: 'pending', score: 740 },
    { rank: 6, nickname: 'Lodjuret', held: 'hidden', score: 0 },
  ],
};

/** The nicknames of `moderated` that must never reach the room. */
export const heldNicknames = ['Solrosen', 'Kvarnen', 'Byggaren', 'Lodjuret'];

/** Before anyone has answered a quiz question before it. */
export const noScores: LeaderboardResults = { ...results, respondents: 0, entries: [] };

/** A leaderboard with no quiz question before it in the deck. */
export const noQuizzes: LeaderboardResults = { ...noScores, quizzes: 0 };
