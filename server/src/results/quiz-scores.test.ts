import { type QuizSlide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import type { StoredAnswer } from '../responses/tally.js';
import { buildLeaderboard } from './leaderboard.js';
import { quizStandings } from './quiz-scores.js';

const quiz = (id: string, correct: string, seconds: number | null = 20): QuizSlide =>
  slideSchema.parse({
    id,
    kind: 'quiz',
    question: id,
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    correct: [correct],
    seconds,
  }) as QuizSlide;

const at = (seconds: number) => new Date(Date.UTC(2026, 11, 2, 10, 0, seconds)).toISOString();
const answer = (participantId: string, slideId: string, option: string, second: number) => ({
  participantId,
  slideId,
  stored: {
    id: `${participantId}-${slideId}`,
    answer: { kind: 'quiz' as const, optionIds: [option] },
    updatedAt: at(second),
    hidden: false,
  },
});

const q1 = quiz('q1', 'a');
const q2 = quiz('q2', 'b', null);
// q1 counted down 20 s from 0 s; q2 had no countdown: no speed points on it.
const clock = { openedAt: new Map([['q1', at(0)]]), timeFactor: 1 };
const answers = [
  answer('anna', 'q1', 'a', 0), // 1000
  answer('bo', 'q1', 'a', 10), // 750
  answer('cecilia', 'q1', 'b', 1), // 0
  answer('anna', 'q2', 'a', 31), // 0
  answer('bo', 'q2', 'b', 40), // 1000
  answer('cecilia', 'q2', 'b', 35), // 1000
  answer('david', 'q2', 'b', 33), // 1000
];

function current(rows: typeof answers): Map<string, Map<string, StoredAnswer>> {
  const bySlide = new Map<string, Map<string, StoredAnswer>>();
  for (const row of rows) bySlide.set(row.slideId, (bySlide.get(row.slideId) ?? new Map()).set(row.participantId, row.stored));
  return bySlide;
}

describe('quiz standings', () => {
  it('adds up each player’s points with speed points where a countdown ended, and places equal totals together', () => {
    const standings = quizStandings([q1, q2], current(answers), clock);
    expect(standings.map(({ participantId, total, rank }) => [participantId, total, rank])).toEqual([
      ['bo', 1750, 1],
      ['anna', 1000, 2],
      ['cecilia', 1000, 2],
      ['david', 1000, 2],
    ]);
    expect(standings[0]?.outcomes.get('q1')).toEqual({ correct: true, points: 750 });
  });

  it('measures speed against the time limit, twice as long when the deck gives everyone more time', () => {
    const doubled = quizStandings([q1], current(answers), { ...clock, timeFactor: 2 });
    expect(doubled.find((standing) => standing.participantId === 'bo')?.total).toBe(875);
  });

  it('counts only the quizzes asked for', () => {
    expect(quizStandings([q1], current(answers), clock).map((standing) => standing.participantId)).toEqual(['anna', 'bo', 'cecilia']);
  });
});

describe('a leaderboard', () => {
  const board = slideSchema.parse({ id: 'top', kind: 'leaderboard', heading: 'Topplista', shown: 3 });
  if (board.kind !== 'leaderboard') throw new Error('not a leaderboard');

  it('lists the top players by nickname, more when the last place is shared, and counts everyone who played', () => {
    const results = buildLeaderboard({
      slide: board,
      deck: [q1, q2, board],
      answers,
      clock,
      nicknames: new Map([
        ['bo', 'Bosse'],
        ['anna', 'Anna'],
      ]),
    });
    expect(results).toEqual({
      kind: 'leaderboard',
      slideId: 'top',
      respondents: 4,
      quizzes: 2,
      entries: [
        { rank: 1, nickname: 'Bosse', score: 1750 },
        { rank: 2, nickname: 'Anna', score: 1000 },
        { rank: 2, nickname: null, score: 1000 },
        { rank: 2, nickname: null, score: 1000 },
      ],
    });
  });

  it('counts no quiz after it', () => {
    const results = buildLeaderboard({ slide: board, deck: [q1, board, q2], answers, clock, nicknames: new Map() });
    expect(results.quizzes).toBe(1);
    expect(results.entries.map((entry) => entry.score)).toEqual([1000, 750, 0]);
  });
});
