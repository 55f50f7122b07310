import { type LeaderboardSlide, type QuizSlide, slideSchema, withoutHiddenEntries } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import type { StoredAnswer } from '../responses/tally.js';
import { type PlayerName, buildLeaderboard } from './leaderboard.js';
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
/** The points for a right answer to q1 after `ran` seconds of its countdown, without pauses. */
const quizAt = (ran: number): number =>
  quizStandings([q1], current([answer('x', 'q1', 'a', ran)]), {
    countdowns: new Map([['q1', { openedAt: at(0), pauses: [] }]]),
    timeFactor: 1,
  })[0]!.total;
const q2 = quiz('q2', 'b', null);
// q1 counted down 20 s from 0 s; q2 had no countdown: no speed points on it.
const clock = { countdowns: new Map([['q1', { openedAt: at(0), pauses: [] }]]), timeFactor: 1 };
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

  it('leaves the time a countdown was paused out of a player’s speed, also while the pause lasts', () => {
    // q1 ran from 0 s, was paused from 4 s to 9 s, and again from 12 s on: bo answered at 10 s (5 s run), cecilia at 14 s (7 s run).
    const pauses = [
      { from: at(4), to: at(9) },
      { from: at(12), to: null },
    ];
    const paused = { ...clock, countdowns: new Map([['q1', { openedAt: at(0), pauses }]]) };
    const rows = [answer('bo', 'q1', 'a', 10), answer('cecilia', 'q1', 'a', 14), answer('anna', 'q1', 'a', 3)];
    const totals = new Map(quizStandings([q1], current(rows), paused).map((standing) => [standing.participantId, standing.total]));
    expect(Object.fromEntries(totals)).toEqual({ anna: quizAt(3), bo: quizAt(5), cecilia: quizAt(7) });
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
        ['bo', { nickname: 'Bosse', review: null }],
        ['anna', { nickname: 'Anna', review: null }],
      ]),
    });
    expect(results).toEqual({
      kind: 'leaderboard',
      slideId: 'top',
      respondents: 4,
      quizzes: 2,
      entries: [
        { rank: 1, nickname: 'Bosse', held: null, score: 1750 },
        { rank: 2, nickname: 'Anna', held: null, score: 1000 },
        { rank: 2, nickname: null, held: null, score: 1000 },
        { rank: 2, nickname: null, held: null, score: 1000 },
      ],
    });
  });

  it('holds back nicknames the presenter hid, and with approval first those not yet approved; others get none of them', () => {
    const nicknames = new Map<string, PlayerName>([
      ['bo', { nickname: 'Bosse', review: 'approved' }],
      ['anna', { nickname: 'Anna', review: null }],
      ['cecilia', { nickname: 'Cissi', review: 'hidden' }],
    ]);
    const held = (slide: LeaderboardSlide) =>
      buildLeaderboard({ slide, deck: [q1, q2, slide], answers, clock, nicknames }).entries.map(({ nickname, held }) => [nickname, held]);
    expect(held(board)).toEqual([
      ['Bosse', null],
      ['Anna', null],
      ['Cissi', 'hidden'],
      [null, null],
    ]);
    const approving = { ...board, approveFirst: true };
    expect(held(approving)).toEqual([
      ['Bosse', null],
      ['Anna', 'pending'],
      ['Cissi', 'hidden'],
      [null, null],
    ]);
    const results = buildLeaderboard({ slide: approving, deck: [q1, q2, approving], answers, clock, nicknames });
    expect(withoutHiddenEntries(results)).toMatchObject({
      entries: [{ nickname: 'Bosse' }, { nickname: null, held: null }, { nickname: null, held: null }, { nickname: null }],
    });
  });

  it('counts no quiz after it', () => {
    const results = buildLeaderboard({ slide: board, deck: [q1, board, q2], answers, clock, nicknames: new Map() });
    expect(results.quizzes).toBe(1);
    expect(results.entries.map((entry) => entry.score)).toEqual([1000, 750, 0]);
  });
});
