// A leaderboard for the tests: six players after three questions, two sharing second place and one without a nickname.
import type { LeaderboardResults, LeaderboardSlide } from '@ettor/protocol';

export const slide: LeaderboardSlide = {
  id: 'topp',
  kind: 'leaderboard',
  heading: 'Ställningen',
  podium: false,
  shown: 10,
  notes: '',
};

export const results: LeaderboardResults = {
  kind: 'leaderboard',
  slideId: 'topp',
  respondents: 6,
  quizzes: 3,
  entries: [
    { rank: 1, nickname: 'Solrosen', score: 2450 },
    { rank: 2, nickname: 'Kvarnen', score: 1800 },
    { rank: 2, nickname: 'Älgen', score: 1800 },
    { rank: 4, nickname: null, score: 1500 },
    { rank: 5, nickname: 'Byggaren', score: 740 },
    { rank: 6, nickname: 'Lodjuret', score: 0 },
  ],
};

/** Before anyone has answered a quiz question before it. */
export const noScores: LeaderboardResults = { ...results, respondents: 0, entries: [] };

/** A leaderboard with no quiz question before it in the deck. */
export const noQuizzes: LeaderboardResults = { ...noScores, quizzes: 0 };
