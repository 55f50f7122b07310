import { type Answer, type Slide, slideSchema } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import { NO_PLAY, type QuizPlay } from './derived.js';
import type { StoredQuestion } from './qa.js';
import { NO_WORDS, type ReportAnswer, type ReportInput, buildLiveSegments, buildSlideReports } from './report.js';

const slides: Slide[] = slideSchema.array().parse([
  {
    id: 'role',
    kind: 'choice',
    question: 'Vilken roll har du?',
    options: [
      { id: 'tj', label: 'Tjänsteperson' },
      { id: 'chef', label: 'Chef' },
      { id: 'pol', label: 'Politiker' },
      { id: 'annan', label: 'Annan' },
    ],
  },
  ...['q1', 'q2'].map((id) => ({
    id,
    kind: 'quiz',
    question: id,
    options: [
      { id: 'a', label: 'A' },
      { id: 'b', label: 'B' },
    ],
    correct: ['a'],
    seconds: null,
  })),
  { id: 'board', kind: 'leaderboard', heading: 'Topplista', shown: 3 },
  { id: 'qa', kind: 'qa', question: 'Frågor?' },
  { id: 'map', kind: 'topography', heading: 'Karta', segmentBy: 'role' },
]);

const row = (participantId: string, slideId: string, answer: Answer): ReportAnswer => ({
  participantId,
  slideId,
  stored: { id: `${participantId}-${slideId}`, answer, updatedAt: '2026-01-01T10:00:00.000Z', hidden: false },
});
const role = (participantId: string, optionId: string) => row(participantId, 'role', { kind: 'choice', optionIds: [optionId] });
/** Without a countdown a right answer is worth 1000 points, a wrong one none. */
const play = (participantId: string, q1: 'a' | 'b', q2: 'a' | 'b') => [
  row(participantId, 'q1', { kind: 'quiz', optionIds: [q1] }),
  row(participantId, 'q2', { kind: 'quiz', optionIds: [q2] }),
];

/**
 * The room. Roles: t1–t4 tj, c1–c3 chef, p1 pol, nobody annan; n1 and n2 only played, x1 only asked.
 *   scores: t1 2000, t2 1000, t3 1000, t4 0; c1 2000, c2 2000, c3 0; p1 1000; n1 1000, n2 0
 *   asked:  t1 (two), t2, t3 (pending); c1, c2; p1; n1, n2, x1
 */
const answers: ReportAnswer[] = [
  ...['t1', 't2', 't3', 't4'].map((p) => role(p, 'tj')),
  ...['c1', 'c2', 'c3'].map((p) => role(p, 'chef')),
  role('p1', 'pol'),
  ...play('t1', 'a', 'a'),
  ...play('t2', 'a', 'b'),
  ...play('t3', 'b', 'a'),
  ...play('t4', 'b', 'b'),
  ...play('c1', 'a', 'a'),
  ...play('c2', 'a', 'a'),
  ...play('c3', 'b', 'b'),
  ...play('p1', 'a', 'b'),
  ...play('n1', 'a', 'b'),
  ...play('n2', 'b', 'b'),
];

const question = (id: string, participantId: string, over: Partial<StoredQuestion> = {}): StoredQuestion => ({
  id,
  slideId: 'qa',
  participantId,
  text: `Fråga ${id}`,
  name: null,
  askedAt: `2026-01-01T10:00:${id.padStart(2, '0')}.000Z`,
  votes: 0,
  status: 'shown',
  answered: false,
  pinned: false,
  ...over,
});
const questions: StoredQuestion[] = [
  question('1', 't1', { votes: 5 }),
  question('2', 't1'),
  question('3', 't2', { votes: 1 }),
  question('4', 't3', { status: 'pending' }),
  question('5', 'c1'),
  question('6', 'c2'),
  question('7', 'p1'),
  question('8', 'n1'),
  question('9', 'n2', { votes: 2 }),
  question('10', 'x1'),
];

const nicknames = new Map(
  [
    ['t1', 'Tina'],
    ['t2', 'Tor'],
    ['c1', 'Cia'],
    ['c2', 'Cem'],
  ].map(([id, nickname]) => [id!, { nickname: nickname!, review: null }]),
);
const quizPlay: QuizPlay = { ...NO_PLAY, nicknames };

const input = (over: Partial<ReportInput> = {}): ReportInput => ({
  slides,
  answers,
  words: NO_WORDS,
  segmentBy: 'role',
  threshold: 3,
  questions,
  play: quizPlay,
  ...over,
});

function reportOf(slideId: string, over: Partial<ReportInput> = {}) {
  const check = buildSlideReports(input(over));
  if (!check.ok) throw new Error(check.problem.message);
  return check.slides.find((slide) => slide.slideId === slideId);
}

const ids = (results: unknown) => (results as { questions: { id: string }[] } | null)?.questions.map(({ id }) => id) ?? null;
const withheld = (optionId: string | null, label: string) => ({ optionId, label, respondents: 0, results: null });

describe('a Q&A split by segment', () => {
  it('lists in each segment the questions its people asked, with every upvote; askers outside the role question are "not given"', () => {
    const segments = reportOf('qa')?.segments;
    expect(segments?.map(({ optionId, respondents, results }) => [optionId, respondents, ids(results)])).toEqual([
      ['tj', 3, ['1', '3', '2', '4']],
      ['chef', 0, null],
      ['pol', 0, null],
      ['annan', 0, []],
      // n1 and n2 played but never said their role; x1 never answered anything at all.
      [null, 3, ['9', '8', '10']],
    ]);
    expect(segments?.[0]?.results).toMatchObject({ kind: 'qa', slideId: 'qa', respondents: 3, total: 4, pending: 1, hidden: 0 });
    expect(segments?.[0]?.results).toMatchObject({ questions: [{ id: '1', votes: 5 }, { id: '3', votes: 1 }, {}, {}] });
  });

  it('withholds a segment of fewer than k askers, count and all, while everyone’s questions are never withheld', () => {
    const qa = reportOf('qa');
    expect(qa?.results).toMatchObject({ respondents: 9, total: 10 });
    expect(qa?.segments?.[1]).toEqual(withheld('chef', 'Chef'));
    expect(qa?.segments?.[2]).toEqual(withheld('pol', 'Politiker'));
  });

  it('withholds one more segment when those withheld hold fewer than k together: on a tie the later, "not given"', () => {
    const segments = reportOf('qa', { questions: questions.filter(({ participantId }) => !participantId.startsWith('c')) })?.segments;
    expect(segments?.map(({ optionId, respondents }) => [optionId, respondents])).toEqual([
      ['tj', 3],
      ['chef', 0],
      ['pol', 0],
      ['annan', 0],
      [null, 0],
    ]);
    expect(segments?.at(-1)).toEqual(withheld(null, ''));
  });

  it('gives an empty segment its empty results, and nobody asking empty results everywhere', () => {
    expect(reportOf('qa')?.segments?.[3]).toEqual({
      optionId: 'annan',
      label: 'Annan',
      respondents: 0,
      results: { kind: 'qa', slideId: 'qa', respondents: 0, total: 0, pending: 0, hidden: 0, questions: [] },
    });
    expect(reportOf('qa', { questions: [] })?.segments?.every(({ respondents, results }) => respondents === 0 && results !== null)).toBe(
      true,
    );
  });
});

describe('a leaderboard split by segment', () => {
  const entries = (results: unknown) =>
    (results as { entries: { rank: number; nickname: string | null; score: number }[] } | null)?.entries.map(
      ({ rank, nickname, score }) => [rank, nickname, score],
    ) ?? null;

  it('ranks each segment’s players among themselves, as many as the slide shows', () => {
    const board = reportOf('board');
    // In the whole room Tor shares fourth place, below the list; among the officials, second with t3.
    expect(entries(board?.results)).toEqual([
      [1, 'Cia', 2000],
      [1, 'Cem', 2000],
      [1, 'Tina', 2000],
    ]);
    expect(board?.segments?.map(({ optionId, respondents, results }) => [optionId, respondents, entries(results)])).toEqual([
      [
        'tj',
        4,
        [
          [1, 'Tina', 2000],
          [2, 'Tor', 1000],
          [2, null, 1000],
        ],
      ],
      [
        'chef',
        3,
        [
          [1, 'Cia', 2000],
          [1, 'Cem', 2000],
          [3, null, 0],
        ],
      ],
      ['pol', 0, null],
      ['annan', 0, []],
      [null, 0, null],
    ]);
    expect(board?.segments?.[0]?.results).toMatchObject({ kind: 'leaderboard', slideId: 'board', respondents: 4, quizzes: 2 });
  });

  it('withholds segments of fewer than k players, and keeps an empty one with its quizzes and no one in it', () => {
    const segments = reportOf('board')?.segments;
    expect(segments?.[2]).toEqual(withheld('pol', 'Politiker'));
    expect(segments?.[4]).toEqual(withheld(null, ''));
    expect(segments?.[3]).toEqual({
      optionId: 'annan',
      label: 'Annan',
      respondents: 0,
      results: { kind: 'leaderboard', slideId: 'board', respondents: 0, quizzes: 2, entries: [] },
    });
  });
});

describe('slides that do not split', () => {
  it('a topography splits itself, and nothing is split without a segmenting question', () => {
    expect(reportOf('map')?.segments).toBeNull();
    expect(reportOf('qa', { segmentBy: null })?.segments).toBeNull();
    expect(reportOf('board', { segmentBy: null })?.segments).toBeNull();
  });
});

describe('the live split', () => {
  it('gives a Q&A’s and a leaderboard’s segments as the report does', () => {
    for (const slideId of ['qa', 'board']) {
      expect(buildLiveSegments(input(), slideId)).toEqual(reportOf(slideId)?.segments);
    }
  });

  it('gives nothing for a topography, the split question itself, a slide that is gone or a split that cannot be', () => {
    expect(buildLiveSegments(input(), 'map')).toBeNull();
    expect(buildLiveSegments(input(), 'role')).toBeNull();
    expect(buildLiveSegments(input(), 'gone')).toBeNull();
    expect(buildLiveSegments(input({ segmentBy: 'q1' }), 'qa')).toBeNull();
  });
});
